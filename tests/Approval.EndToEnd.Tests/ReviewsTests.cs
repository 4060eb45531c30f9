using System.Security.Cryptography;
using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// Issue 16 through the gateway: the applicant commissions a construction-drawing review (施工图审查) from TSZX; the agency
/// starts, asks for a supplement (the clock pauses), concludes 合格 with a PDF sealed by its e-seal; the 施工图审查合格书 becomes
/// the applicant's material, attached to a later application by id; and a department item that needs the review
/// (catalog requiresReview) is approved only once the review passed.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ReviewsTests(SuiteFixture suite)
{
    private static readonly Actor Editor = new("editor-reviews", "catalog-editor", Name: "目录管理员");
    private static readonly Actor OtherAgency = new("review-e2e-other", "review-agency", "SCZX9", "另一审查机构");
    private readonly SuiteApi api = new(suite.Gateway);
    private readonly ReviewFlow reviews = new(suite.Gateway);

    /// <summary>A ZJJ item of the parallel stage (5) that needs a passing construction-drawing review and takes the 施工图审查合格书.</summary>
    private async Task<string> GatedItemAsync()
    {
        var code = $"REV-{Guid.NewGuid():N}"[..16];
        var versions = $"/api/catalog/editor/items/{code}/versions";
        await api.ExpectAsync(HttpStatusCode.Created, Editor, HttpMethod.Post, versions, new
        {
            name = "建筑工程施工许可（审查门槛）", stageNo = 5, departmentCode = "ZJJ", timeLimitWorkingDays = 5, kind = "approval", itemType = "01",
            requiresReview = ReviewFlow.Drawing,
            materials = new[] { new { name = "施工图审查合格书", form = "电子件", copies = 1, source = "shared", required = true } },
        });
        await api.ExpectAsync(HttpStatusCode.OK, Editor, HttpMethod.Post, $"{versions}/1/publish", new { });
        return code;
    }

    private async Task<(Guid Application, Guid Item)> AcceptedAsync(Actor applicant, ProjectPhase phase, string item, object[]? materials = null)
    {
        var created = await api.ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post, "/api/intake/applications", new
        {
            projectCode = phase.ProjectCode, engineeringCode = phase.EngineeringCode, projectName = "审查门槛项目", stageNo = 5, itemCodes = new[] { item },
            form = new { }, materials,
        });
        var application = created.GetProperty("id").GetGuid();
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{application}/accept");
        return (application, await api.ItemRoutedToAsync("ZJJ", application));
    }

    [Fact]
    public async Task The_applicant_commissions_the_agency_reviews_with_a_supplement_and_the_sealed_result_opens_the_permit()
    {
        var applicant = IntakeApi.NewApplicant("审查建设有限公司");
        var phase = await api.PhaseAsync(applicant);
        var gated = await GatedItemAsync();
        var zjj = Actor.Department("ZJJ");

        // Before any review: the department sees that the item needs one, and may not approve it (409 naming the review).
        var (_, early) = await AcceptedAsync(applicant, phase, gated);
        var item = await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Get, $"/api/approvals/items/{early}");
        Assert.Equal(ReviewFlow.Drawing, item.GetProperty("requiresReview").GetString());
        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/items/{early}/start", new { });
        var blocked = await api.ExpectAsync(HttpStatusCode.Conflict, zjj, HttpMethod.Post, $"/api/approvals/items/{early}/conclude", new { approved = true, opinion = "准予许可" });
        Assert.Contains("技术审查", blocked.GetProperty("detail").GetString());

        var types = await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, "/api/reviews/types");
        var drawing = types.EnumerateArray().Single(t => t.GetProperty("code").GetString() == ReviewFlow.Drawing);
        Assert.Equal((10, "施工图审查合格书"), (drawing.GetProperty("limitWorkingDays").GetInt32(), drawing.GetProperty("materialName").GetString()));
        Assert.Contains(drawing.GetProperty("agencies").EnumerateArray(), a => a.GetProperty("code").GetString() == "TSZX");

        var id = await reviews.CommissionAsync(applicant, phase);
        var path = $"/api/reviews/{id}";
        Assert.Contains((await api.ExpectAsync(HttpStatusCode.OK, ReviewFlow.Agency, HttpMethod.Get, "/api/reviews")).EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain((await api.ExpectAsync(HttpStatusCode.OK, OtherAgency, HttpMethod.Get, "/api/reviews")).EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        // Another agency is told it does not exist; concluding before the start is a conflict.
        await reviews.PostAsync(HttpStatusCode.NotFound, OtherAgency, id, "start");
        await reviews.EnsureAgencySealAsync();
        await reviews.PostAsync(HttpStatusCode.Conflict, ReviewFlow.Agency, id, "conclude", ReviewFlow.Conclusion());

        var started = await reviews.PostAsync(HttpStatusCode.OK, ReviewFlow.Agency, id, "start");
        Assert.Equal(("审查中", "正常", 10), (started.GetProperty("statusName").GetString(),
            started.GetProperty("clock").GetProperty("stateName").GetString(), started.GetProperty("clock").GetProperty("limit").GetInt32()));
        var paused = await reviews.PostAsync(HttpStatusCode.OK, ReviewFlow.Agency, id, "supplement", new { reason = "结构计算书缺页" });
        Assert.Equal(("补充材料", true), (paused.GetProperty("statusName").GetString(), paused.GetProperty("clock").GetProperty("isPaused").GetBoolean()));
        await reviews.PostAsync(HttpStatusCode.Conflict, ReviewFlow.Agency, id, "conclude", ReviewFlow.Conclusion());
        await reviews.PostAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, id, "supplement/answer", new { answer = "冒名补充" });
        var resumed = await reviews.PostAsync(HttpStatusCode.OK, applicant, id, "supplement/answer", new { answer = "已补充结构计算书" });
        Assert.Equal(("审查中", false), (resumed.GetProperty("statusName").GetString(), resumed.GetProperty("clock").GetProperty("isPaused").GetBoolean()));

        var noFile = await reviews.PostAsync(HttpStatusCode.BadRequest, ReviewFlow.Agency, id, "conclude", new { conclusion = "合格", opinions = Array.Empty<object>() });
        Assert.True(noFile.GetProperty("errors").TryGetProperty("result", out _), noFile.ToString());
        var concluded = await reviews.PostAsync(HttpStatusCode.OK, ReviewFlow.Agency, id, "conclude", ReviewFlow.Conclusion(text: $"合格书 {id}"));
        Assert.Equal(("已办结", "合格", true), (concluded.GetProperty("statusName").GetString(), concluded.GetProperty("conclusionName").GetString(),
            concluded.GetProperty("clock").GetProperty("stopped").GetBoolean()));
        Assert.Equal(2, concluded.GetProperty("opinions").GetArrayLength());

        // The result verifies against the agency's seal and downloads for the applicant.
        var result = concluded.GetProperty("result");
        using (var download = await api.SendAsync(applicant, HttpMethod.Get, $"{path}/result"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            var bytes = await download.Content.ReadAsByteArrayAsync();
            Assert.Equal(result.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            var verified = await api.ExpectAsync(HttpStatusCode.OK, Actor.OtherApplicant, HttpMethod.Post, "/api/licences/seals/verify", new
            {
                content = Convert.ToBase64String(bytes), signature = result.GetProperty("signature").GetString(), sealId = result.GetProperty("sealId").GetGuid(),
            });
            Assert.True(verified.GetProperty("sealed").GetBoolean(), verified.ToString());
        }
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Get, $"{path}/result");

        // The 施工图审查合格书 is the applicant's material; a later application attaches it by id, without an upload.
        var delivered = await SuiteApi.PollAsync(() => api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, "/api/intake/materials"),
            list => list.EnumerateArray().Any(m => m.GetProperty("deliveredName").ValueKind == JsonValueKind.String), "the review result reaches the applicant's materials");
        var material = delivered.EnumerateArray().Single(m => m.GetProperty("deliveredName").ValueKind == JsonValueKind.String);
        Assert.Equal(("施工图审查合格书", phase.ProjectCode, result.GetProperty("sealCode").GetString()),
            (material.GetProperty("deliveredName").GetString(), material.GetProperty("projectCode").GetString(), material.GetProperty("sealCode").GetString()));

        // ZJJ approves the waiting item once the conclusion reached Approvals (an event: until then still 409).
        await SuiteApi.PollAsync(async () =>
        {
            using var r = await api.SendAsync(zjj, HttpMethod.Post, $"/api/approvals/items/{early}/conclude", new { approved = true, opinion = "审查合格，准予许可" });
            return r.StatusCode;
        }, s => s == HttpStatusCode.OK, "the review's conclusion lets ZJJ approve");

        var (later, _) = await AcceptedAsync(applicant, phase, gated, [new { name = "施工图审查合格书", materialId = material.GetProperty("id").GetGuid() }]);
        var attached = await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, $"/api/intake/applications/{later}/materials");
        Assert.Equal(material.GetProperty("id").GetGuid(), Assert.Single(attached.GetProperty("attached").EnumerateArray()).GetProperty("materialId").GetGuid());
        Assert.Empty(attached.GetProperty("missingRequired").EnumerateArray());

        // Every step is audited by Reviews.
        var reviewAudit = await api.ExpectAsync(HttpStatusCode.OK, new Actor("supervisor-reviews", "supervisor", Name: "监察科"), HttpMethod.Get,
            $"/api/reviews/audit?objectId={id}&take=500");
        var outcomes = reviewAudit.EnumerateArray().Select(r => r.GetProperty("outcome").GetString() ?? "").ToList();
        Assert.All(new[] { "委托", "开始审查", "要求补充材料", "补充材料已提交", "办结" }, step => Assert.Contains(outcomes, o => o.Contains(step)));
    }

    [Fact]
    public async Task Bad_commissions_are_refused_naming_the_field()
    {
        var applicant = IntakeApi.NewApplicant("审查坏输入公司");
        var phase = await api.PhaseAsync(applicant);
        var unqualified = await api.ExpectAsync(HttpStatusCode.BadRequest, applicant, HttpMethod.Post, "/api/reviews",
            new { projectCode = phase.ProjectCode, typeCode = ReviewFlow.Drawing, agencyCode = "ZJJ" });
        Assert.Contains("资质", unqualified.GetProperty("errors").GetProperty("agencyCode")[0].GetString());
        var unknown = await api.ExpectAsync(HttpStatusCode.BadRequest, applicant, HttpMethod.Post, "/api/reviews",
            new { projectCode = phase.ProjectCode, typeCode = "no-such-review", agencyCode = "TSZX" });
        Assert.True(unknown.GetProperty("errors").TryGetProperty("typeCode", out _), unknown.ToString());
        // Another applicant's project is not found; a department may not commission at all.
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Post, "/api/reviews",
            new { projectCode = phase.ProjectCode, typeCode = ReviewFlow.Drawing, agencyCode = "TSZX" });
        await api.ExpectAsync(HttpStatusCode.Forbidden, Actor.Department("ZJJ"), HttpMethod.Post, "/api/reviews",
            new { projectCode = phase.ProjectCode, typeCode = ReviewFlow.Drawing, agencyCode = "TSZX" });
        var foreignPhase = await api.ExpectAsync(HttpStatusCode.BadRequest, applicant, HttpMethod.Post, "/api/reviews",
            new { projectCode = phase.ProjectCode, engineeringCode = SuiteApi.EngineeringCode, typeCode = ReviewFlow.Drawing, agencyCode = "TSZX" });
        Assert.True(foreignPhase.GetProperty("errors").TryGetProperty("engineeringCode", out _), foreignPhase.ToString());

        // A 不合格 conclusion delivers nothing and keeps the gate shut.
        var id = await reviews.ReviewAsync(applicant, phase, "started");
        await reviews.EnsureAgencySealAsync();
        var notPdf = await reviews.PostAsync(HttpStatusCode.BadRequest, ReviewFlow.Agency, id, "conclude", new
        {
            conclusion = "不合格", opinions = new[] { new { discipline = "建筑", opinion = "不符合" } },
            result = new { fileName = "x.pdf", contentType = "application/pdf", content = Convert.ToBase64String("not a pdf"u8.ToArray()) },
        });
        Assert.True(notPdf.GetProperty("errors").TryGetProperty("result.content", out _), notPdf.ToString());
        var failed = await reviews.PostAsync(HttpStatusCode.OK, ReviewFlow.Agency, id, "conclude", ReviewFlow.Conclusion("不合格", "不合格意见书"));
        Assert.False(failed.GetProperty("passed").GetBoolean());
        await reviews.PostAsync(HttpStatusCode.Conflict, ReviewFlow.Agency, id, "start");
    }
}
