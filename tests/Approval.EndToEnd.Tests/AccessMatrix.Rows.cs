namespace Approval.EndToEnd.Tests;

/// <summary>
/// One object endpoint of the access matrix and what each caller gets. The path names the objects it needs in braces
/// ({application}, {item}, {stage}, {consultation}, {intakeConsultation}, {material}, {draft}, {licence}, {archive},
/// {project}, {engineering}, {utilityApplication}, {utilityRequest}, {utilityProject}, {notice}, {catalogDraft} (its draft {version}), {question}, {user}, {department}, {reviewAgency}, {utilityOrg}, {intermediaryOrg}, {publicItem}, {calendarYear}, {complaint}); the matrix makes
/// them fresh for the row (<see cref="MatrixCase"/>). 404 when the caller may use the endpoint but not this object (its
/// existence is not revealed), 403 when the caller's role may not use the endpoint at all, 401 without a token.
/// </summary>
/// <param name="Owner">Who may use the object: asked last, after every intruder, so it also proves none of them used it up.</param>
/// <param name="Second">The other applicant (default <see cref="Actor.OtherApplicant"/>).</param>
/// <param name="Portal">A portal endpoint: each caller uses its own portal cookie session, not a bearer token.</param>
public sealed record MatrixRow(string Method, string Path, object? Body, Actor OtherRegionUser,
    HttpStatusCode SecondApplicant, HttpStatusCode UnroutedDepartment, HttpStatusCode OtherRegionStatus,
    string Unrouted = "CGJ", Actor? Owner = null, HttpStatusCode OwnerStatus = HttpStatusCode.OK, Actor? Second = null,
    HttpStatusCode Anonymous = HttpStatusCode.Unauthorized, bool Portal = false)
{
    public bool ReadOnly => Method == "GET";

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>The rows, grouped by service. A new object endpoint joins by adding a row (the coverage test insists).</summary>
public static class AccessMatrixRows
{
    public const string OtherRegion = "320200";
    private const HttpStatusCode NotFound = HttpStatusCode.NotFound, Forbidden = HttpStatusCode.Forbidden, OK = HttpStatusCode.OK,
        Created = HttpStatusCode.Created, NoContent = HttpStatusCode.NoContent, Found = HttpStatusCode.Found,
        Conflict = HttpStatusCode.Conflict;

    public static readonly Actor OtherRegionApplicant = Actor.OfRegion(OtherRegion, "applicant");
    public static readonly Actor OtherRegionWindow = Actor.OfRegion(OtherRegion, "window", "ZHCK");
    public static readonly Actor OtherRegionZjj = Actor.OfRegion(OtherRegion, "department", "ZJJ");
    public static readonly Actor OtherRegionEditor = Actor.OfRegion(OtherRegion, "catalog-editor");
    public static readonly Actor OtherRegionAdmin = Actor.OfRegion(OtherRegion, "region-admin");
    public static readonly Actor OtherRegionUtility = Actor.OfRegion(OtherRegion, "utility", "GSGS");
    public static readonly Actor OtherRegionAgency = Actor.OfRegion(OtherRegion, "review-agency", "TSZX");
    public static readonly Actor OtherRegionSupervisor = Actor.OfRegion(OtherRegion, "supervisor");
    public static readonly Actor OtherRegionRegulator = Actor.OfRegion(OtherRegion, "regulator", "ZJJ");
    public static readonly Actor Regulator = new("regulator-e2e-ZJJ", "regulator", "ZJJ", Name: "住建局质监站");
    public static readonly Actor OtherRegionCgj = Actor.OfRegion(OtherRegion, "department", "CGJ");
    public static readonly Actor Editor = new("editor-e2e", "catalog-editor", Name: "目录管理员");
    private static readonly Actor Zjj = Actor.Department("ZJJ");

    /// <summary>An applicant who registered under the holder's display name: a name is not an identity.</summary>
    public static readonly Actor SameNameApplicant = new("applicant-samename", "applicant", Name: "示范建设有限公司");

    private static readonly object Submission = new
    {
        projectCode = SuiteApi.ProjectCode, engineeringCode = SuiteApi.EngineeringCode, projectName = "越权", stageNo = 3, itemCodes = SuiteApi.SkeletonItems, form = SuiteApi.SkeletonForm,
    };

    public static readonly MatrixRow[] Rows =
    [
        // Intake: the applicant's own applications; the window's decisions.
        new("GET", "/api/intake/applications/{application}", null, OtherRegionWindow, NotFound, NotFound, NotFound, Owner: Actor.Applicant),
        new("GET", "/api/intake/applications/{application}/progress", null, OtherRegionWindow, NotFound, NotFound, NotFound, Owner: Actor.Applicant),
        // (no owner call: the case is accepted, which an applicant can no longer withdraw)
        new("POST", "/api/intake/applications/{application}/withdraw", null, OtherRegionApplicant, NotFound, Forbidden, NotFound),
        new("POST", "/api/intake/applications/{application}/accept", null, OtherRegionWindow, Forbidden, Forbidden, NotFound),
        new("POST", "/api/intake/applications/{application}/refuse", new { reason = "越权" }, OtherRegionWindow, Forbidden, Forbidden, NotFound),
        new("POST", "/api/intake/applications/{application}/reject-out-of-scope", new { reason = "越权" }, OtherRegionWindow, Forbidden, Forbidden, NotFound),
        new("POST", "/api/intake/applications/{application}/corrections", new { corrections = new[] { new { subject = "越权", problem = "越权" } } }, OtherRegionWindow, Forbidden, Forbidden, NotFound),
        // An item's 补正 (after 受理): only the application's owner answers, with their own upload.
        new("GET", "/api/intake/applications/{application}/item-corrections", null, OtherRegionWindow, NotFound, NotFound, NotFound, Owner: Actor.Applicant),
        new("POST", "/api/intake/applications/{application}/item-corrections/{itemCorrection}/answer",
            new { note = "矩阵", materials = new[] { new { name = "施工合同", materialId = "{material}" } } }, OtherRegionApplicant, NotFound, Forbidden, NotFound, Owner: Actor.Applicant),
        new("POST", "/api/intake/applications/{application}/correct", new { }, OtherRegionApplicant, NotFound, Forbidden, NotFound),
        new("POST", "/api/intake/applications/{application}/consultations", new { question = "越权", departments = new[] { "ZJJ" } }, OtherRegionWindow, Forbidden, Forbidden, NotFound),
        new("GET", "/api/intake/applications/{application}/consultations", null, OtherRegionWindow, Forbidden, Forbidden, NotFound, Owner: Actor.Window),
        new("GET", "/api/intake/applications/{application}/materials", null, OtherRegionWindow, NotFound, NotFound, NotFound, Unrouted: "JTJ", Owner: Actor.Applicant),
        new("POST", "/api/intake/applications/{application}/materials", new { materials = new[] { new { name = "施工合同", materialId = "{material}" } } }, OtherRegionApplicant, NotFound, Forbidden, NotFound),
        // The window's scan of a paper material for the applicant: the window of the application's region only; the
        // row's case is accepted, so even that window is refused (409: only before the decision). IntakeWindowMaterialsTests uploads.
        new("POST", "/api/intake/applications/{application}/materials/scanned", new { name = "施工合同" }, OtherRegionWindow, Forbidden, Forbidden, NotFound, Owner: Actor.Window, OwnerStatus: Conflict),
        new("GET", "/api/intake/applications/{application}/progress/stream", null, OtherRegionWindow, NotFound, NotFound, NotFound),
        new("GET", "/api/intake/applications/{application}/result-notice", null, OtherRegionWindow, NotFound, NotFound, NotFound, Owner: Actor.Applicant),
        new("POST", "/api/intake/applications/{application}/result-notice", null, OtherRegionWindow, Forbidden, Forbidden, NotFound),
        new("POST", "/api/intake/applications/{application}/delivery", new { recipient = "越权", phone = "13800000000", address = "越权" }, OtherRegionApplicant, NotFound, Forbidden, NotFound, Owner: Actor.Applicant),
        new("POST", "/api/intake/applications/{delivered}/delivery/shipped", new { carrier = "越权", trackingNumber = "X1" }, OtherRegionWindow, Forbidden, Forbidden, NotFound, Owner: Actor.Window),
        new("GET", "/api/intake/materials/{material}/content", null, OtherRegionWindow, NotFound, NotFound, NotFound, Unrouted: "JTJ", Owner: Actor.Applicant),
        new("POST", "/api/intake/consultations/{intakeConsultation}/answer", new { opinion = "越权" }, OtherRegionZjj, Forbidden, NotFound, NotFound, Owner: Zjj),
        new("GET", "/api/intake/drafts/{draft}", null, OtherRegionApplicant, NotFound, Forbidden, NotFound, Owner: Actor.Applicant),
        new("PUT", "/api/intake/drafts/{draft}", Submission, OtherRegionApplicant, NotFound, Forbidden, NotFound, Owner: Actor.Applicant),
        new("DELETE", "/api/intake/drafts/{draft}", null, OtherRegionApplicant, NotFound, Forbidden, NotFound, Owner: Actor.Applicant, OwnerStatus: NoContent),
        new("POST", "/api/intake/drafts/{draft}/submit", null, OtherRegionApplicant, NotFound, Forbidden, NotFound, Owner: Actor.Applicant, OwnerStatus: Created),

        // Approvals: only the department the item is routed to, in its region.
        new("GET", "/api/approvals/items/{item}", null, OtherRegionZjj, Forbidden, NotFound, NotFound, Owner: Zjj),
        new("GET", "/api/approvals/items/{item}/steps", null, OtherRegionZjj, Forbidden, NotFound, NotFound, Owner: Zjj),
        new("POST", "/api/approvals/items/{item}/steps", new { note = "越权" }, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("POST", "/api/approvals/items/{item}/start", new { }, OtherRegionZjj, Forbidden, NotFound, NotFound, Owner: Zjj),
        new("POST", "/api/approvals/items/{item}/conclude", new { approved = true, opinion = "越权" }, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("POST", "/api/approvals/items/{item}/corrections", new { entries = new[] { new { material = "越权", problem = "越权" } } }, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("POST", "/api/approvals/items/{item}/special-procedures", new { type = 4, reason = "越权", plannedWorkingDays = 5 }, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("POST", "/api/approvals/items/{item}/special-procedures/end", new { result = "越权" }, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("POST", "/api/approvals/items/{item}/commitment/verification", new { fulfilled = true }, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("POST", "/api/approvals/items/{item}/revoke", new { reason = "越权" }, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("POST", "/api/approvals/items/{item}/recall", new { reason = "越权" }, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("POST", "/api/approvals/items/{item}/certificate", new { reference = "越权〔2026〕1号" }, OtherRegionZjj, Forbidden, NotFound, NotFound),
        // The inbound department-system API: another department is told plainly it may not act (403).
        new("POST", "/api/approvals/inbound/items/{item}/start", new { }, OtherRegionZjj, Forbidden, Forbidden, NotFound, Owner: Zjj),
        new("POST", "/api/approvals/inbound/items/{item}/steps", new { note = "越权" }, OtherRegionZjj, Forbidden, Forbidden, NotFound),
        new("POST", "/api/approvals/inbound/items/{item}/corrections", new { entries = new[] { new { material = "越权", problem = "越权" } } }, OtherRegionZjj, Forbidden, Forbidden, NotFound),
        new("POST", "/api/approvals/inbound/items/{item}/special-procedures", new { type = 4, reason = "越权", plannedWorkingDays = 5 }, OtherRegionZjj, Forbidden, Forbidden, NotFound),
        new("POST", "/api/approvals/inbound/items/{item}/special-procedures/end", new { result = "越权" }, OtherRegionZjj, Forbidden, Forbidden, NotFound),
        new("POST", "/api/approvals/inbound/items/{item}/conclude", new { approved = true, opinion = "越权" }, OtherRegionZjj, Forbidden, Forbidden, NotFound),
        new("POST", "/api/approvals/inbound/items/{item}/certificate", new { reference = "越权〔2026〕1号" }, OtherRegionZjj, Forbidden, Forbidden, NotFound),
        // The applicant's view of the items and clocks, and handing in owed materials: the owner and the region's staff only.
        new("GET", "/api/approvals/applications/{application}/items", null, OtherRegionWindow, NotFound, NotFound, NotFound, Owner: Actor.Applicant),
        new("POST", "/api/approvals/applications/{application}/items/{item}/materials", new { materials = new[] { "施工合同" } }, OtherRegionApplicant, NotFound, NotFound, NotFound),
        // The project clock: an applicant of the project or the region's staff (any department of the region reads it).
        new("GET", "/api/approvals/projects/{project}/clock", null, OtherRegionWindow, NotFound, OK, NotFound, Owner: Actor.Applicant),
        // Stage instances and consultation: only departments with an item in the stage (JTJ has none).
        new("GET", "/api/approvals/stages/{stage}", null, OtherRegionZjj, Forbidden, NotFound, NotFound, Unrouted: "JTJ", Owner: Zjj),
        new("POST", "/api/approvals/stages/{stage}/consultations", new { topic = "越权", departments = new[] { "CGJ" } }, OtherRegionZjj, Forbidden, NotFound, NotFound, Unrouted: "JTJ"),
        new("POST", "/api/approvals/stages/{stage}/consultations/{consultation}/answers", new { opinion = "越权" }, OtherRegionZjj, Forbidden, NotFound, NotFound, Unrouted: "JTJ"),
        new("POST", "/api/approvals/stages/{stage}/consultations/{consultation}/conclusion", new { conclusion = "越权" }, OtherRegionZjj, Forbidden, NotFound, NotFound),
        // The region's working calendar: its own region admin only uploads a year (no owner call: the main suite keeps 2027 unloaded).
        new("PUT", "/api/approvals/calendar/years/{calendarYear}", new { holidays = new[] { "2027-01-01" } }, OtherRegionAdmin, Forbidden, Forbidden, NotFound),
        // A department's own system endpoint and delivery log.
        new("GET", "/api/approvals/departments/{department}/webhook", null, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("PUT", "/api/approvals/departments/{department}/webhook", new { url = "http://192.0.2.10/hook", secret = "0123456789abcdef" }, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("DELETE", "/api/approvals/departments/{department}/webhook", null, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("GET", "/api/approvals/departments/{department}/webhook/deliveries", null, OtherRegionZjj, Forbidden, NotFound, NotFound, Owner: Zjj),
        // A review agency's and a utility's own system endpoint and delivery log (the shared webhook registration).
        new("GET", "/api/reviews/agencies/{reviewAgency}/webhook", null, OtherRegionAgency, Forbidden, Forbidden, NotFound),
        new("PUT", "/api/reviews/agencies/{reviewAgency}/webhook", new { url = "http://192.0.2.10/hook", secret = "0123456789abcdef" }, OtherRegionAgency, Forbidden, Forbidden, NotFound),
        new("DELETE", "/api/reviews/agencies/{reviewAgency}/webhook", null, OtherRegionAgency, Forbidden, Forbidden, NotFound),
        new("GET", "/api/reviews/agencies/{reviewAgency}/webhook/deliveries", null, OtherRegionAgency, Forbidden, Forbidden, NotFound, Owner: ReviewFlow.Agency),
        new("GET", "/api/utilities/providers/{utilityOrg}/webhook", null, OtherRegionUtility, Forbidden, Forbidden, NotFound),
        new("PUT", "/api/utilities/providers/{utilityOrg}/webhook", new { url = "http://192.0.2.10/hook", secret = "0123456789abcdef" }, OtherRegionUtility, Forbidden, Forbidden, NotFound),
        new("DELETE", "/api/utilities/providers/{utilityOrg}/webhook", null, OtherRegionUtility, Forbidden, Forbidden, NotFound),
        new("GET", "/api/utilities/providers/{utilityOrg}/webhook/deliveries", null, OtherRegionUtility, Forbidden, Forbidden, NotFound, Owner: UtilitiesTests.Water),
        new("GET", "/api/marketplace/intermediaries/{intermediaryOrg}/webhook", null, MarketplaceAgencies.OtherRegionAgency, Forbidden, Forbidden, NotFound),
        new("PUT", "/api/marketplace/intermediaries/{intermediaryOrg}/webhook", new { url = "http://192.0.2.10/hook", secret = "0123456789abcdef" }, MarketplaceAgencies.OtherRegionAgency, Forbidden, Forbidden, NotFound),
        new("DELETE", "/api/marketplace/intermediaries/{intermediaryOrg}/webhook", null, MarketplaceAgencies.OtherRegionAgency, Forbidden, Forbidden, NotFound),
        new("GET", "/api/marketplace/intermediaries/{intermediaryOrg}/webhook/deliveries", null, MarketplaceAgencies.OtherRegionAgency, Forbidden, Forbidden, NotFound, Owner: MarketplaceAgencies.Staff[0]),

        // Utilities: the applicant's own application; a request's utility (GSGS, water) acts on it, its applicant answers supplements;
        // another utility, applicant, department or region gets 404/403. Intake shows design materials only to an applied-to utility.
        new("GET", "/api/utilities/applications/{utilityApplication}", null, OtherRegionApplicant, NotFound, Forbidden, NotFound, Owner: Actor.Applicant),
        new("GET", "/api/utilities/requests/{utilityRequest}", null, OtherRegionUtility, NotFound, NotFound, NotFound, Owner: UtilitiesTests.Water, Second: UtilitiesTests.Gas),
        new("POST", "/api/utilities/requests/{utilityRequest}/survey", new { connectionPlan = "越权", fee = 0 }, OtherRegionUtility, Forbidden, Forbidden, NotFound, Owner: UtilitiesTests.Water),
        // (the owner's 409: water has no step between survey and connection, and connecting needs the survey first)
        new("POST", "/api/utilities/requests/{utilityRequest}/steps", new { result = "越权" }, OtherRegionUtility, Forbidden, Forbidden, NotFound, Owner: UtilitiesTests.Water, OwnerStatus: Conflict),
        new("POST", "/api/utilities/requests/{utilityRequest}/connect", new { result = "越权" }, OtherRegionUtility, Forbidden, Forbidden, NotFound, Owner: UtilitiesTests.Water, OwnerStatus: Conflict),
        new("POST", "/api/utilities/requests/{utilityRequest}/supplements", new { reason = "越权" }, OtherRegionUtility, Forbidden, Forbidden, NotFound, Owner: UtilitiesTests.Water),
        new("POST", "/api/utilities/requests/{utilityRequest}/early-plan", new { plan = "越权" }, OtherRegionUtility, Forbidden, Forbidden, NotFound, Owner: UtilitiesTests.Water),
        // (the owner's 409: no supplement is open)
        new("POST", "/api/utilities/requests/{utilityRequest}/supplements/answer", new { answer = "越权" }, OtherRegionApplicant, NotFound, Forbidden, NotFound, Owner: Actor.Applicant, OwnerStatus: Conflict),
        new("GET", "/api/utilities/projects/{utilityProject}/access", null, OtherRegionUtility, Forbidden, Forbidden, NotFound, Owner: UtilitiesTests.Water),
        new("GET", "/api/intake/projects/{utilityProject}/design-materials", null, OtherRegionUtility, Forbidden, Forbidden, NotFound, Owner: UtilitiesTests.Water),
        // Projects: the owner, or the region's staff (any department of the region reads it).
        new("GET", "/api/projects/{project}", null, OtherRegionWindow, NotFound, OK, NotFound, Owner: Actor.Applicant),
        new("PUT", "/api/projects/{project}", ProjectCorrectionTests.Correction(), OtherRegionApplicant, NotFound, Forbidden, NotFound, Owner: Actor.Applicant),
        new("POST", "/api/projects/{project}/engineering-codes", new { name = "越权分期" }, OtherRegionApplicant, NotFound, Forbidden, NotFound, Owner: Actor.Applicant, OwnerStatus: Created),
        new("GET", "/api/projects/engineering/{engineering}", null, OtherRegionWindow, NotFound, OK, NotFound, Owner: Actor.Applicant),
        // Exchange: an engineering code's national rows — the region's admin and supervisors only; another region's admin never learns it.
        new("GET", "/api/exchange/engineering/{engineering}", null, OtherRegionAdmin, Forbidden, Forbidden, NotFound, Owner: MatrixCase.RegionAdmin),

        // Supervision: the region's supervisors (another region's supervisor gets 404); applicants and department staff hold no
        // supervision role (403). A department lead of another department gets 404 (SupervisionTests).
        new("GET", "/api/supervision/items/{itemClock}", null, OtherRegionSupervisor, Forbidden, Forbidden, NotFound, Owner: MatrixCase.Supervisor),
        new("POST", "/api/supervision/items/{itemClock}/urge", new { note = "越权督办" }, OtherRegionSupervisor, Forbidden, Forbidden, NotFound, Owner: MatrixCase.Supervisor),
        new("GET", "/api/supervision/projects/{supervisedProject}", null, OtherRegionSupervisor, Forbidden, Forbidden, NotFound, Owner: MatrixCase.Supervisor),
        // 审管联动: the project's timeline (its own applicants, the region's supervisors and regulators); a regulator's records and
        // its own system's webhook (another region's regulator: 404; applicants and department staff hold no regulator role: 403).
        new("GET", "/api/supervision/projects/{supervisedProject}/timeline", null, OtherRegionSupervisor, NotFound, Forbidden, NotFound, Owner: Actor.Applicant),
        new("POST", "/api/supervision/projects/{supervisedProject}/records", new { kind = "inspection", title = "矩阵检查", summary = "矩阵", occurredOn = "2026-10-09" },
            OtherRegionRegulator, Forbidden, Forbidden, NotFound, Owner: Regulator, OwnerStatus: Created),
        new("GET", "/api/supervision/regulators/{department}/webhook", null, OtherRegionRegulator, Forbidden, Forbidden, NotFound),
        new("PUT", "/api/supervision/regulators/{department}/webhook", new { url = "http://192.0.2.10/hook", secret = "0123456789abcdef" }, OtherRegionRegulator, Forbidden, Forbidden, NotFound),
        new("DELETE", "/api/supervision/regulators/{department}/webhook", null, OtherRegionRegulator, Forbidden, Forbidden, NotFound),
        new("GET", "/api/supervision/regulators/{department}/webhook/deliveries", null, OtherRegionRegulator, Forbidden, Forbidden, NotFound, Owner: Regulator),
        // 好差评: the rater, the unit that handled the matter (CGJ: ZJJ, another unit, and CGJ of another region get 404) and
        // the region's supervisors; the call-back task is the unit's, the appeal decision a supervisor's (RatingsTests).
        new("GET", "/api/supervision/ratings/{rating}", null, OtherRegionCgj, NotFound, NotFound, NotFound, Unrouted: "ZJJ", Owner: Actor.Applicant),
        new("POST", "/api/supervision/ratings/{rating}/call-back", new { note = "越权回访", verified = true }, OtherRegionCgj, Forbidden, NotFound, NotFound, Unrouted: "ZJJ", Owner: Actor.Department("CGJ")),
        new("POST", "/api/supervision/ratings/{calledBackRating}/rectification", new { measures = "越权整改" }, OtherRegionCgj, Forbidden, NotFound, NotFound, Unrouted: "ZJJ", Owner: Actor.Department("CGJ")),
        new("POST", "/api/supervision/ratings/{rectifyingRating}/answer", new { answer = "越权答复", result = "越权" }, OtherRegionCgj, Forbidden, NotFound, NotFound, Unrouted: "ZJJ", Owner: Actor.Department("CGJ")),
        new("POST", "/api/supervision/ratings/{rating}/appeal", new { reason = "越权申诉" }, OtherRegionCgj, Forbidden, NotFound, NotFound, Unrouted: "ZJJ", Owner: Actor.Department("CGJ")),
        new("POST", "/api/supervision/ratings/{appealedRating}/appeal/decision", new { upheld = false, note = "越权裁定" }, OtherRegionSupervisor, Forbidden, Forbidden, NotFound, Unrouted: "ZJJ", Owner: MatrixCase.Supervisor),
        // 建议投诉: the submitter, the department it is about (CGJ and another region's ZJJ get 404), the region's supervisors.
        new("GET", "/api/supervision/complaints/{complaint}", null, OtherRegionSupervisor, NotFound, NotFound, NotFound, Owner: Actor.Applicant),
        new("POST", "/api/supervision/complaints/{complaint}/answer", new { answer = "越权答复" }, OtherRegionZjj, Forbidden, NotFound, NotFound, Owner: Zjj),
        // Notifications: one's own notices only.
        new("POST", "/api/notifications/inbox/{notice}/read", null, OtherRegionApplicant, NotFound, NotFound, NotFound, Owner: Actor.Applicant),

        // Licences: the holder (by account, never by name), the issuing department, and the window, of the licence's region.
        new("GET", "/api/licences/{licence}/pdf", null, OtherRegionWindow, NotFound, NotFound, NotFound, Owner: Actor.Applicant, Second: SameNameApplicant),
        new("POST", "/api/licences/{licence}/revoke", new { reason = "越权" }, OtherRegionZjj, Forbidden, NotFound, NotFound, Owner: Zjj),
        new("POST", "/api/licences/archives/{application}", null, OtherRegionWindow, Forbidden, Forbidden, NotFound, Owner: Actor.Window, OwnerStatus: Created),
        new("GET", "/api/licences/archives/{archive}", null, OtherRegionWindow, Forbidden, Forbidden, NotFound, Owner: Actor.Window),

        // Catalog: the region's catalog editors; a question's answer by the department of its item, in the region.
        new("GET", "/api/catalog/editor/items/{catalogDraft}/versions", null, OtherRegionEditor, Forbidden, Forbidden, NotFound, Owner: Editor),
        new("POST", "/api/catalog/editor/items/{catalogDraft}/versions", new { name = "越权", stageNo = 5, departmentCode = "GSGS", timeLimitWorkingDays = 1, kind = "utility", itemType = "20" }, OtherRegionEditor, Forbidden, Forbidden, NotFound),
        new("PUT", "/api/catalog/editor/items/{catalogDraft}/versions/{version}", new { name = "越权", stageNo = 5, departmentCode = "GSGS", timeLimitWorkingDays = 1, kind = "utility", itemType = "20" }, OtherRegionEditor, Forbidden, Forbidden, NotFound),
        new("POST", "/api/catalog/editor/items/{catalogDraft}/versions/{version}/publish", new { }, OtherRegionEditor, Forbidden, Forbidden, NotFound, Owner: Editor),
        // Any applicant may ask about a published item (it is public); nobody else asks.
        new("POST", "/api/catalog/items/{publicItem}/questions", new { text = "矩阵咨询" }, OtherRegionZjj, Created, Forbidden, Forbidden, Owner: Actor.Applicant, OwnerStatus: Created),
        new("POST", "/api/catalog/questions/{question}/answer", new { answer = "越权" }, OtherRegionZjj, Forbidden, NotFound, NotFound, Owner: Zjj),
        new("POST", "/api/catalog/questions/{question}/publish", null, OtherRegionZjj, Forbidden, NotFound, NotFound),

        // Reviews: the applicant's own review, the agency it was commissioned from (another region's TSZX is another agency),
        // and the region's staff, who read it (the department's item page shows it).
        new("GET", "/api/reviews/{review}", null, OtherRegionApplicant, NotFound, OK, NotFound, Owner: Actor.Applicant),
        new("GET", "/api/reviews/{concludedReview}/result", null, OtherRegionApplicant, NotFound, OK, NotFound, Owner: Actor.Applicant),
        new("POST", "/api/reviews/{review}/start", new { }, OtherRegionAgency, Forbidden, Forbidden, NotFound, Owner: ReviewFlow.Agency),
        new("POST", "/api/reviews/{startedReview}/supplement", new { reason = "越权" }, OtherRegionAgency, Forbidden, Forbidden, NotFound, Owner: ReviewFlow.Agency),
        new("POST", "/api/reviews/{startedReview}/conclude", ReviewFlow.Conclusion(), OtherRegionAgency, Forbidden, Forbidden, NotFound, Owner: ReviewFlow.Agency),
        new("POST", "/api/reviews/{supplementingReview}/supplement/answer", new { answer = "越权" }, OtherRegionApplicant, NotFound, Forbidden, NotFound, Owner: Actor.Applicant),

        // Identity: the region's administrator maintains the region's accounts.
        new("PUT", "/api/identity/users/{user}", new { displayName = "越权", password = "Intrude#2026pass", roles = new[] { "window" } }, OtherRegionAdmin, Forbidden, Forbidden, NotFound),
        // 重置动态口令: a staff account of the admin's own region only (the matrix's {user} is an applicant: nobody resets it).
        new("POST", "/api/identity/staff/{user}/totp-reset", null, OtherRegionAdmin, Forbidden, Forbidden, NotFound),

        // Marketplace (中介服务): the applicant's selections and commissions, the commissioned agency's steps, the admin's review.
        new("POST", "/api/marketplace/agencies/{agency}/review", new { verified = true }, OtherRegionAdmin, Forbidden, Forbidden, NotFound, Owner: MatrixCase.RegionAdmin),
        new("GET", "/api/marketplace/selections/{selection}", null, OtherRegionApplicant, NotFound, NotFound, NotFound, Owner: Actor.Applicant),
        new("GET", "/api/marketplace/selections/{selection}/draw", null, OtherRegionApplicant, NotFound, NotFound, NotFound, Owner: Actor.Applicant),
        new("POST", "/api/marketplace/selections/{selection}/close", null, OtherRegionApplicant, NotFound, Forbidden, NotFound, Owner: Actor.Applicant, OwnerStatus: HttpStatusCode.Conflict),
        new("POST", "/api/marketplace/selections/{selection}/quotes", new { amount = 1000 }, MarketplaceAgencies.OtherRegionAgency, Forbidden, Forbidden, NotFound, Owner: MarketplaceAgencies.Staff[0]),
        new("GET", "/api/marketplace/commissions/{commission}", null, OtherRegionWindow, NotFound, NotFound, NotFound, Owner: Actor.Applicant),
        new("POST", "/api/marketplace/commissions/{commission}/accept", null, MarketplaceAgencies.OtherRegionAgency, Forbidden, Forbidden, NotFound, Owner: MarketplaceAgencies.Staff[0]),
        new("POST", "/api/marketplace/commissions/{commission}/decline", new { reason = "越权" }, MarketplaceAgencies.OtherRegionAgency, Forbidden, Forbidden, NotFound, Owner: MarketplaceAgencies.Staff[0]),
        new("POST", "/api/marketplace/commissions/{commission}/start", null, MarketplaceAgencies.OtherRegionAgency, Forbidden, Forbidden, NotFound, Owner: MarketplaceAgencies.Staff[0]),
        new("POST", "/api/marketplace/commissions/{commission}/milestones", new { name = "越权节点" }, MarketplaceAgencies.OtherRegionAgency, Forbidden, Forbidden, NotFound, Owner: MarketplaceAgencies.Staff[0]),
        new("POST", "/api/marketplace/commissions/{commission}/deliverables", MarketplaceTests.Report("越权成果"), MarketplaceAgencies.OtherRegionAgency, Forbidden, Forbidden, NotFound, Owner: MarketplaceAgencies.Staff[0], OwnerStatus: Created),
        new("POST", "/api/marketplace/commissions/{commission}/end", null, MarketplaceAgencies.OtherRegionAgency, Forbidden, Forbidden, NotFound, Owner: MarketplaceAgencies.Staff[0]),
        new("POST", "/api/marketplace/commissions/{commission}/rating", new { satisfaction = 2 }, OtherRegionApplicant, NotFound, Forbidden, NotFound, Owner: Actor.Applicant),

        // The portal's downloads, with each caller's portal session (anonymous: sent to sign in).
        new("GET", "/download/licences/{licence}", null, OtherRegionWindow, NotFound, NotFound, NotFound, Owner: Actor.Applicant, Second: SameNameApplicant, Anonymous: Found, Portal: true),
        new("GET", "/download/materials/{material}", null, OtherRegionWindow, NotFound, NotFound, NotFound, Unrouted: "JTJ", Owner: Actor.Applicant, Anonymous: Found, Portal: true),
    ];
}
