using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// Issue 5's "done when", in one case through the gateway with real tokens: a project is registered, a stage is
/// applied for by engineering code with a material reused from the applicant's history, sent to correction,
/// corrected and accepted; the progress stream shows every step in order, and the inbox and the SMS sink hold
/// exactly one notice per step.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ProjectToAcceptanceJourneyTests(SuiteFixture suite)
{
    private static readonly Actor Supervisor = new("supervisor-e2e", "supervisor", Name: "监察科赵六");
    private readonly SuiteApi api = new(suite.Gateway);
    private readonly IntakeApi intake = new(suite.Gateway);

    [Fact]
    public async Task Register_apply_with_a_reused_material_correct_and_accept_with_one_notice_per_step()
    {
        var applicant = IntakeApi.NewApplicant("全流程建设公司");
        var mobile = $"139{Random.Shared.Next(0, 100_000_000):D8}";
        await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Put, "/api/notifications/contact", new { mobile });
        var projectCode = ProjectPhases.NewProjectCode();
        await api.ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post, "/api/projects", new
        {
            projectCode, name = "全流程示范项目", address = "示范区金鸡湖大道9号", divisionCode = "320193",
            longitude = 120.7m, latitude = 31.3m, totalInvestment = 20000m, projectType = 3, constructionNature = 1,
            plannedStart = "2026-11-01", plannedEnd = "2028-10-31",
        });
        var engineeringCode = (await api.ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post,
            $"/api/projects/{projectCode}/engineering-codes", new { name = "一期" })).GetProperty("engineeringCode").GetString();

        // The contract was uploaded once, for an application the applicant later withdrew; the new one reuses it by id.
        var contract = (await intake.UploadOkAsync(applicant, "施工合同.pdf", IntakeApi.Pdf($"合同 {Guid.NewGuid()}"))).GetProperty("id").GetGuid();
        var choice = new[] { new { name = "施工合同", materialId = contract } };
        object Application() => new { engineeringCode, stageNo = 3, itemCodes = SuiteApi.SkeletonItems, form = SuiteApi.SkeletonForm, materials = choice };
        var withdrawn = (await api.ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post, "/api/intake/applications", Application())).GetProperty("id").GetGuid();
        await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Post, $"/api/intake/applications/{withdrawn}/withdraw");
        var created = await api.ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post, "/api/intake/applications", Application());
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal((projectCode, "全流程示范项目"), (created.GetProperty("projectCode").GetString(), created.GetProperty("projectName").GetString()));
        Assert.Single((await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, "/api/intake/materials")).EnumerateArray());

        await using var stream = await intake.OpenStreamAsync(applicant, id);
        Assert.Equal(1, (await stream.NextApplicationStepAsync()).Status);
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/corrections",
            new { corrections = new[] { new { subject = "施工合同", problem = "缺少签章页" }, new { subject = "建设规模", problem = "与合同不一致" } } });
        Assert.Equal(6, (await stream.NextApplicationStepAsync()).Status);
        await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Post, $"/api/intake/applications/{id}/correct",
            new { form = new { 建设规模 = "4.8万平方米" }, materials = choice });
        Assert.Equal(7, (await stream.NextApplicationStepAsync()).Status);
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        Assert.Equal(3, (await stream.NextApplicationStepAsync()).Status);

        string[] steps = ["received", "correction-requested", "corrected", "accepted"];
        var inbox = await SuiteApi.PollAsync(
            () => api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, "/api/notifications/inbox"),
            i => Notices(i, id).Count(n => steps.Contains(n.GetProperty("kind").GetString())) == steps.Length &&
                 Notices(i, id).All(n => n.GetProperty("deliveries").EnumerateArray().All(d => d.GetProperty("status").GetString() == "Sent")),
            "one notice per step, each sent", seconds: 60);
        var notices = Notices(inbox, id).Where(n => steps.Contains(n.GetProperty("kind").GetString())).ToList();
        Assert.Equal(steps.Order(), notices.Select(n => n.GetProperty("kind").GetString()!).Order());

        var sms = await api.ExpectAsync(HttpStatusCode.OK, Supervisor, HttpMethod.Get, $"/api/notifications/sms-sink?mobile={mobile}&applicationId={id}");
        foreach (var notice in notices)
            Assert.Single(sms.EnumerateArray(), s => s.GetProperty("text").GetString()!.EndsWith(notice.GetProperty("body").GetString()!, StringComparison.Ordinal));
        Assert.Equal(Notices(inbox, id).Count, sms.GetArrayLength());
    }

    private static List<JsonElement> Notices(JsonElement inbox, Guid application) =>
        inbox.GetProperty("notices").EnumerateArray().Where(n => n.GetProperty("applicationId").GetGuid() == application).ToList();
}
