using System.Text.Json;
using System.Text.RegularExpressions;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// The objects one access-matrix row needs, made fresh through the gateway by their owners: a case of the applicant
/// under a project code of its own (accepted by the window, its ZJJ and CGJ items routed), and — only when the row's path
/// names them — a material attached to it, an acceptance consultation to ZJJ, an approvals consultation, a 补正 of the ZJJ
/// item (ZJJ starts it and asks; Intake has it), a licence
/// (ZJJ concludes), an archive package, a notice, a draft, a registered project with an engineering code, a catalog
/// draft, a question about a ZJJ item, an account of the region, a utility application of the applicant to GSGS (water).
/// </summary>
public sealed partial class MatrixCase
{
    private readonly Dictionary<string, string> values = new() { ["department"] = "ZJJ", ["reviewAgency"] = "TSZX", ["utilityOrg"] = "GSGS", ["intermediaryOrg"] = "ZJ01", ["publicItem"] = "320193-ZJ-SG-001", ["version"] = "1", ["calendarYear"] = "2027" };

    public Guid? Application { get; private set; }
    public Guid? Item { get; private set; }

    [GeneratedRegex(@"\{(\w+)\}")]
    public static partial Regex Placeholder();

    public static IEnumerable<string> Needs(MatrixRow row) =>
        Placeholder().Matches(row.Path + JsonSerializer.Serialize(row.Body)).Select(m => m.Groups[1].Value).Distinct();

    /// <summary>What the case for a row is made of: its objects, and a case of the applicant when the project clock reads it.</summary>
    public static string Kind(MatrixRow row) =>
        string.Join(",", Needs(row).Order()) + (OpensCaseForClock(row) ? ",case" : "");

    private static bool OpensCaseForClock(MatrixRow row) => row.Path.Contains("/projects/{project}/clock", StringComparison.Ordinal);

    /// <summary>The row's text with every placeholder replaced by this case's object.</summary>
    public string Fill(string text) => Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v)
        ? v : throw new InvalidOperationException($"the matrix case has no {m.Value}"));

    public object? Body(MatrixRow row) => row.Body is null ? null : JsonDocument.Parse(Fill(JsonSerializer.Serialize(row.Body))).RootElement.Clone();

    public static async Task<MatrixCase> CreateAsync(SuiteApi api, IntakeApi intake, MatrixRow row, int number)
    {
        var c = new MatrixCase();
        var needs = MatrixCase.Needs(row).ToHashSet();
        bool Want(params string[] any) => any.Any(needs.Contains);
        var opensCase = Want("application", "item", "stage", "consultation", "intakeConsultation", "material", "licence", "archive", "notice", "delivered", "itemCorrection", "itemClock", "supervisedProject")
            || OpensCaseForClock(row);
        // A project of its own per row (stage-3 applications and drafts name its engineering code, R-7.6).
        var reviewStates = needs.Where(n => n.EndsWith("eview", StringComparison.Ordinal)).ToList();
        var phase = Want("engineering", "draft", "utilityRequest", "utilityApplication", "utilityProject") || opensCase || reviewStates.Count > 0
            || row.Path.StartsWith("/api/projects/{project}", StringComparison.Ordinal)
            ? await api.RegisterPhaseAsync((m, p, b) => Actor.Applicant.Request(m, p, b))
            : new ProjectPhase(ProjectPhases.NewProjectCode(), "");
        c.values["project"] = phase.ProjectCode;
        c.values["engineering"] = phase.EngineeringCode;

        if (opensCase) await c.OpenCaseAsync(api, intake, needs, phase, number);
        if (Want("utilityRequest", "utilityApplication", "utilityProject"))
        {
            // The applicant applies for water to GSGS (UtilitiesTests.Water) under the row's project.
            var applied = await api.ExpectAsync(HttpStatusCode.Created, Actor.Applicant, HttpMethod.Post, "/api/utilities/applications", new
            {
                engineeringCode = phase.EngineeringCode, address = "示范区科创大道1号",
                requests = new[] { new { utilityCode = "GSGS", serviceType = "water", requestType = "新装", demand = "DN100" } },
            });
            c.values["utilityApplication"] = applied.GetProperty("id").GetString()!;
            c.values["utilityRequest"] = applied.GetProperty("requests")[0].GetProperty("id").GetString()!;
            c.values["utilityProject"] = phase.ProjectCode;
        }
        // A technical review of the project: {review} commissioned, {startedReview}, {supplementingReview}, {concludedReview}.
        foreach (var state in reviewStates)
            c.values[state] = (await new ReviewFlow(api.Gateway).ReviewAsync(Actor.Applicant, phase, state.Replace("Review", "").Replace("review", "commissioned"))).ToString();

        if (Want("draft"))
        {
            var draft = await api.ExpectAsync(HttpStatusCode.Created, Actor.Applicant, HttpMethod.Post, "/api/intake/drafts", new
            {
                projectCode = phase.ProjectCode, engineeringCode = phase.EngineeringCode, projectName = $"访问矩阵草稿{number}", stageNo = 3, itemCodes = SuiteApi.SkeletonItems, form = SuiteApi.SkeletonForm,
            });
            c.values["draft"] = draft.GetProperty("id").GetString()!;
        }
        if (Want("catalogDraft"))
        {
            var code = $"E2E-M{Guid.NewGuid():N}"[..16];
            await api.ExpectAsync(HttpStatusCode.Created, AccessMatrixRows.Editor, HttpMethod.Post, $"/api/catalog/editor/items/{code}/versions",
                new { name = "矩阵草稿事项", stageNo = 5, departmentCode = "GSGS", timeLimitWorkingDays = 3, kind = "utility", itemType = "20" });
            c.values["catalogDraft"] = code;
        }
        if (Want("question"))
        {
            var question = await api.ExpectAsync(HttpStatusCode.Created, Actor.Applicant, HttpMethod.Post, "/api/catalog/items/320193-ZJ-SG-001/questions",
                new { text = $"访问矩阵咨询{number}" });
            c.values["question"] = question.GetProperty("id").GetString()!;
        }
        await c.MarketplaceAsync(api, row);
        await c.SupervisionAsync(api, row);
        await c.RatingsAsync(api, row);
        await c.ComplaintAsync(api, row);
        if (Want("user"))
        {
            var name = Accounts.NewUserName("matrix-user");
            using var http = new HttpClient { BaseAddress = api.Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            using var put = await http.SendAsync(Accounts.Bearer(HttpMethod.Put, $"/api/identity/users/{name}", await ActorTokens.AdminTokenAsync(),
                new { displayName = "矩阵申请人", password = ActorTokens.ActorPassword, roles = new[] { "applicant" } }));
            Assert.True(put.IsSuccessStatusCode, $"creating {name}: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync()}");
            c.values["user"] = name;
        }
        return c;
    }

    private async Task OpenCaseAsync(SuiteApi api, IntakeApi intake, HashSet<string> needs, ProjectPhase phase, int number)
    {
        var zjj = Actor.Department("ZJJ");
        object[]? materials = null;
        if (needs.Contains("material"))
        {
            var uploaded = await intake.UploadOkAsync(Actor.Applicant, "施工合同.pdf", IntakeApi.Pdf($"访问矩阵 {Guid.NewGuid()}"));
            var materialId = uploaded.GetProperty("id").GetGuid();
            values["material"] = materialId.ToString();
            materials = [new { name = "施工合同", materialId }];
        }
        var created = await api.ExpectAsync(HttpStatusCode.Created, Actor.Applicant, HttpMethod.Post, "/api/intake/applications",
            new { projectCode = phase.ProjectCode, engineeringCode = phase.EngineeringCode, projectName = $"访问矩阵第{number}行", stageNo = 3, itemCodes = SuiteApi.SkeletonItems, form = SuiteApi.SkeletonForm, materials });
        var application = created.GetProperty("id").GetGuid();
        Application = application;
        values["application"] = values["archive"] = values["delivered"] = application.ToString();
        if (needs.Contains("intakeConsultation"))
        {
            // Asked before 受理: a consultation is for an undecided application.
            var asked = await api.ExpectAsync(HttpStatusCode.Created, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{application}/consultations",
                new { question = "矩阵征求意见", departments = new[] { "ZJJ" } });
            values["intakeConsultation"] = asked[0].GetProperty("id").GetString()!;
        }
        if (needs.Contains("delivered"))
            await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Post, $"/api/intake/applications/{application}/delivery",
                new { recipient = "张三", phone = "13800000000", address = "示范区科创大道1号" });
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{application}/accept");
        var item = await api.ItemRoutedToAsync("ZJJ", application);
        await api.ItemRoutedToAsync("CGJ", application);
        Item = item;
        values["item"] = item.ToString();
        values["stage"] = (await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Get, $"/api/approvals/items/{item}")).GetProperty("stageInstanceId").GetString()!;
        if (needs.Contains("consultation"))
            values["consultation"] = (await api.ExpectAsync(HttpStatusCode.Created, zjj, HttpMethod.Post, $"/api/approvals/stages/{values["stage"]}/consultations",
                new { topic = "矩阵会商", departments = new[] { "CGJ" } })).GetProperty("id").GetString()!;
        if (needs.Contains("itemCorrection"))
        {
            await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
            await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/items/{item}/corrections",
                new { entries = new[] { new { material = "施工合同", problem = "矩阵补正" } } });
            var corrections = await SuiteApi.PollAsync(
                () => api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Get, $"/api/intake/applications/{application}/item-corrections"),
                l => l.GetArrayLength() > 0, "Intake has the matrix case's item correction");
            values["itemCorrection"] = corrections[0].GetProperty("id").GetString()!;
        }
        if (needs.Contains("licence"))
        {
            await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
            await api.ReviewPassedAsync(Actor.Applicant, item);
            await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/items/{item}/conclude", new { approved = true, opinion = "准予许可" });
            var progress = await SuiteApi.PollAsync(() => api.ProgressAsync(Actor.Applicant, application),
                p => p.GetProperty("licences").EnumerateArray().Any(l => l.GetProperty("itemCode").GetString() == "320193-ZJ-SG-001"),
                "the licence of the matrix case is issued", seconds: 90);
            values["licence"] = progress.GetProperty("licences").EnumerateArray()
                .First(l => l.GetProperty("itemCode").GetString() == "320193-ZJ-SG-001").GetProperty("identifier").GetString()!;
        }
        if (needs.Contains("archive"))
            await api.ExpectAsync(HttpStatusCode.Created, Actor.Window, HttpMethod.Post, $"/api/licences/archives/{application}");
        if (needs.Contains("notice"))
        {
            var inbox = await SuiteApi.PollAsync(() => api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Get, "/api/notifications/inbox?take=200"),
                i => i.GetProperty("notices").EnumerateArray().Any(n => n.GetProperty("applicationId").GetGuid() == application),
                "a notice of the matrix case reaches the applicant's inbox");
            values["notice"] = inbox.GetProperty("notices").EnumerateArray()
                .First(n => n.GetProperty("applicationId").GetGuid() == application).GetProperty("id").GetString()!;
        }
    }

    /// <summary>The application's and the ZJJ item's status codes (when the row has a case), to show an intrusion changed nothing.</summary>
    public async Task<(int? Application, int? Item)> StateAsync(SuiteApi api)
    {
        if (Application is not { } application || Item is not { } item) return (null, null);
        var progress = await api.ProgressAsync(Actor.Applicant, application);
        var own = await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("ZJJ"), HttpMethod.Get, $"/api/approvals/items/{item}");
        return (progress.GetProperty("application").GetProperty("statusCode").GetInt32(), own.GetProperty("statusCode").GetInt32());
    }
}
