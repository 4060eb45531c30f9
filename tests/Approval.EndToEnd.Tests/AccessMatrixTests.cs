namespace Approval.EndToEnd.Tests;

/// <summary>
/// The access matrix: for every object endpoint, a second applicant, a department the item is not routed to,
/// and a user of another region (holding the very role that would otherwise be allowed) are refused —
/// 404 when the caller may use the endpoint but not this object (its existence is not revealed), 403 when
/// the caller's role may not use the endpoint at all. A new object endpoint joins by adding a row.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class AccessMatrixTests(SuiteFixture suite)
{
    private const string OtherRegion = "320200";
    private static readonly HttpStatusCode NotFound = HttpStatusCode.NotFound, Forbidden = HttpStatusCode.Forbidden;

    /// <summary>
    /// One object endpoint: path with {application} / {item} / {stage} / {consultation}, the role it serves, and what
    /// each intruder gets. The unrouted department is CGJ unless the row names another (CGJ has an item in the stage).
    /// </summary>
    public sealed record Row(string Method, string Path, object? Body, Actor OtherRegionUser,
        HttpStatusCode SecondApplicant, HttpStatusCode UnroutedDepartment, HttpStatusCode OtherRegionStatus, string Unrouted = "CGJ");

    private static readonly Actor OtherRegionApplicant = Actor.OfRegion(OtherRegion, "applicant");
    private static readonly Actor OtherRegionWindow = Actor.OfRegion(OtherRegion, "window", "ZHCK");
    private static readonly Actor OtherRegionZjj = Actor.OfRegion(OtherRegion, "department", "ZJJ");

    public static readonly Row[] Rows =
    [
        // Intake: the applicant's own applications; the window's decisions.
        new("GET", "/api/intake/applications/{application}", null, OtherRegionWindow, NotFound, NotFound, NotFound),
        new("GET", "/api/intake/applications/{application}/progress", null, OtherRegionWindow, NotFound, NotFound, NotFound),
        new("POST", "/api/intake/applications/{application}/withdraw", null, OtherRegionApplicant, NotFound, Forbidden, NotFound),
        new("POST", "/api/intake/applications/{application}/accept", null, OtherRegionWindow, Forbidden, Forbidden, NotFound),
        new("POST", "/api/intake/applications/{application}/refuse", new { reason = "越权" }, OtherRegionWindow, Forbidden, Forbidden, NotFound),
        new("POST", "/api/intake/applications/{application}/reject-out-of-scope", new { reason = "越权" }, OtherRegionWindow, Forbidden, Forbidden, NotFound),
        new("POST", "/api/intake/applications/{application}/corrections", new { corrections = new[] { new { subject = "越权", problem = "越权" } } }, OtherRegionWindow, Forbidden, Forbidden, NotFound),
        new("POST", "/api/intake/applications/{application}/correct", new { }, OtherRegionApplicant, NotFound, Forbidden, NotFound),
        new("POST", "/api/intake/applications/{application}/consultations", new { question = "越权", departments = new[] { "ZJJ" } }, OtherRegionWindow, Forbidden, Forbidden, NotFound),
        new("GET", "/api/intake/applications/{application}/materials", null, OtherRegionWindow, NotFound, NotFound, NotFound, Unrouted: "JTJ"),
        new("GET", "/api/intake/applications/{application}/progress/stream", null, OtherRegionWindow, NotFound, NotFound, NotFound),
        new("GET", "/api/intake/applications/{application}/result-notice", null, OtherRegionWindow, NotFound, NotFound, NotFound),
        new("POST", "/api/intake/applications/{application}/delivery", new { recipient = "越权", phone = "13800000000", address = "越权" }, OtherRegionApplicant, NotFound, Forbidden, NotFound),
        // Approvals: only the department the item is routed to, in its region.
        new("GET", "/api/approvals/items/{item}", null, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("GET", "/api/approvals/items/{item}/steps", null, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("POST", "/api/approvals/items/{item}/start", new { }, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("POST", "/api/approvals/items/{item}/conclude", new { approved = true, opinion = "越权" }, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("POST", "/api/approvals/items/{item}/special-procedures", new { type = 4, reason = "越权", plannedWorkingDays = 5 }, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("POST", "/api/approvals/items/{item}/special-procedures/end", new { result = "越权" }, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("POST", "/api/approvals/items/{item}/commitment/verification", new { fulfilled = true }, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("POST", "/api/approvals/items/{item}/revoke", new { reason = "越权" }, OtherRegionZjj, Forbidden, NotFound, NotFound),
        // The inbound department-system API: another department is told plainly it may not act (403).
        new("POST", "/api/approvals/inbound/items/{item}/conclude", new { approved = true, opinion = "越权" }, OtherRegionZjj, Forbidden, Forbidden, NotFound),
        // The applicant's view of the items and clocks, and handing in owed materials: the owner and the region's window only.
        new("GET", "/api/approvals/applications/{application}/items", null, OtherRegionWindow, NotFound, NotFound, NotFound),
        new("POST", "/api/approvals/applications/{application}/items/{item}/materials", new { materials = new[] { "施工合同" } }, OtherRegionApplicant, NotFound, NotFound, NotFound),
        // Stage instances and consultation: only departments with an item in the stage (JTJ has none).
        new("GET", "/api/approvals/stages/{stage}", null, OtherRegionZjj, Forbidden, NotFound, NotFound, Unrouted: "JTJ"),
        new("POST", "/api/approvals/stages/{stage}/consultations", new { topic = "越权", departments = new[] { "CGJ" } }, OtherRegionZjj, Forbidden, NotFound, NotFound, Unrouted: "JTJ"),
        new("POST", "/api/approvals/stages/{stage}/consultations/{consultation}/answers", new { opinion = "越权" }, OtherRegionZjj, Forbidden, NotFound, NotFound, Unrouted: "JTJ"),
        new("POST", "/api/approvals/stages/{stage}/consultations/{consultation}/conclusion", new { conclusion = "越权" }, OtherRegionZjj, Forbidden, NotFound, NotFound),
        // A department's own system endpoint and delivery log.
        new("GET", "/api/approvals/departments/ZJJ/webhook/deliveries", null, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("PUT", "/api/approvals/departments/ZJJ/webhook", new { url = "http://127.0.0.1:9/", secret = "0123456789abcdef" }, OtherRegionZjj, Forbidden, NotFound, NotFound),
    ];

    public static TheoryData<int> RowNumbers() => new(Enumerable.Range(0, Rows.Length));

    private readonly SuiteApi api = new(suite.Gateway);

    [Theory]
    [MemberData(nameof(RowNumbers))]
    public async Task A_second_applicant_an_unrouted_department_and_another_regions_user_are_refused(int row)
    {
        var r = Rows[row];
        // A fresh case per row: the application accepted by the window, its ZJJ item routed to ZJJ only.
        var application = await api.SubmitAsync(Actor.Applicant, $"访问矩阵第{row}行");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{application}/accept");
        var item = await api.ItemRoutedToAsync("ZJJ", application);
        await api.ItemRoutedToAsync("CGJ", application);
        var stage = (await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("ZJJ"), HttpMethod.Get, $"/api/approvals/items/{item}")).GetProperty("stageInstanceId").GetGuid();
        var consultation = r.Path.Contains("{consultation}")
            ? (await api.ExpectAsync(HttpStatusCode.Created, Actor.Department("ZJJ"), HttpMethod.Post, $"/api/approvals/stages/{stage}/consultations",
                new { topic = "矩阵会商", departments = new[] { "CGJ" } })).GetProperty("id").GetGuid()
            : Guid.Empty;
        var path = r.Path.Replace("{application}", application.ToString()).Replace("{item}", item.ToString())
            .Replace("{stage}", stage.ToString()).Replace("{consultation}", consultation.ToString());
        var method = new HttpMethod(r.Method);

        await api.ExpectAsync(r.SecondApplicant, Actor.OtherApplicant, method, path, r.Body);
        await api.ExpectAsync(r.UnroutedDepartment, Actor.Department(r.Unrouted), method, path, r.Body);
        await api.ExpectAsync(r.OtherRegionStatus, r.OtherRegionUser, method, path, r.Body);

        // Nothing changed: the application is still 已受理 and the item still waits for ZJJ.
        var progress = await api.ProgressAsync(Actor.Applicant, application);
        Assert.Equal(3, progress.GetProperty("application").GetProperty("statusCode").GetInt32());
        var own = await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("ZJJ"), HttpMethod.Get, $"/api/approvals/items/{item}");
        Assert.Equal(3, own.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Lists_show_nothing_of_another_department_or_region()
    {
        var application = await api.SubmitAsync(Actor.Applicant, "列表隔离的项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{application}/accept");
        await api.ItemRoutedToAsync("ZJJ", application);

        var zjjElsewhere = await api.ExpectAsync(HttpStatusCode.OK, OtherRegionZjj, HttpMethod.Get, $"/api/approvals/items?applicationId={application}");
        Assert.Equal(0, zjjElsewhere.GetArrayLength());
        var windowElsewhere = await api.ExpectAsync(HttpStatusCode.OK, OtherRegionWindow, HttpMethod.Get, "/api/intake/applications");
        Assert.DoesNotContain(windowElsewhere.EnumerateArray(), a => a.GetProperty("id").GetGuid() == application);
        var cgj = await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("CGJ"), HttpMethod.Get, $"/api/approvals/items?applicationId={application}");
        Assert.All(cgj.EnumerateArray(), i => Assert.Equal("CGJ", i.GetProperty("departmentCode").GetString()));
    }
}
