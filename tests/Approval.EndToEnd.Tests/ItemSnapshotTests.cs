using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// Issue 15 items 4 and 8: applications from stage 2 on name the engineering code (工程代码) of a project of the applicant's
/// own; every item instance carries it with the item's catalog version, and its clock counts the unit the catalog states
/// (320193-FG-LX-001 企业投资项目备案: 4 hours).
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ItemSnapshotTests(SuiteFixture suite)
{
    private const string Filing = "320193-FG-LX-001";
    private static readonly object StageOneForm = new { 建设单位 = "示范建设有限公司", 建设地点 = "示范区星湖街8号", 建设规模 = "3万平方米" };
    private readonly SuiteApi api = new(suite.Gateway);

    [Fact]
    public async Task From_stage_two_on_an_application_names_an_engineering_code_of_the_applicants_own_project()
    {
        var without = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Applicant, HttpMethod.Post, "/api/intake/applications",
            new { projectCode = SuiteApi.ProjectCode, projectName = "无工程代码", stageNo = 3, itemCodes = SuiteApi.SkeletonItems, form = SuiteApi.SkeletonForm });
        Assert.Contains("工程代码", without.GetProperty("errors").GetProperty("engineeringCode")[0].GetString());

        // Stage 1 may still be applied for by project code alone (the engineering code is generated for the project's phases).
        var first = await api.ExpectAsync(HttpStatusCode.Created, Actor.OtherApplicant, HttpMethod.Post, "/api/intake/applications",
            new { projectCode = SuiteApi.ProjectCode, projectName = "立项阶段", stageNo = 1, itemCodes = new[] { Filing }, form = StageOneForm });
        var otherId = first.GetProperty("applicantId").GetString();

        // At the counter the window may not file the demo applicant's phase for another applicant.
        var foreign = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Window, HttpMethod.Post, "/api/intake/applications/counter", new
        {
            applicantId = otherId, applicantName = "另一建设公司", applicantMobile = (string?)null, channel = "counter",
            projectCode = SuiteApi.ProjectCode, engineeringCode = SuiteApi.EngineeringCode, projectName = "冒用工程代码",
            stageNo = 3, itemCodes = SuiteApi.SkeletonItems, form = SuiteApi.SkeletonForm,
        });
        Assert.Contains("不属于申请人", foreign.GetProperty("errors").GetProperty("engineeringCode")[0].GetString());
    }

    [Fact]
    public async Task An_item_instance_keeps_its_engineering_code_and_version_and_counts_a_four_hour_limit_in_working_time()
    {
        var created = await api.ExpectAsync(HttpStatusCode.Created, Actor.Applicant, HttpMethod.Post, "/api/intake/applications",
            new { engineeringCode = SuiteApi.EngineeringCode, projectName = "四小时备案", stageNo = 1, itemCodes = new[] { Filing }, form = StageOneForm });
        var application = created.GetProperty("id").GetGuid();
        var applied = created.GetProperty("items")[0];
        Assert.Equal((4, 3), (applied.GetProperty("timeLimit").GetInt32(), applied.GetProperty("timeLimitUnit").GetInt32()));
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{application}/accept");

        var fgw = Actor.Department("FGW");
        var id = await api.ItemRoutedToAsync("FGW", application);
        var item = await api.ExpectAsync(HttpStatusCode.OK, fgw, HttpMethod.Get, $"/api/approvals/items/{id}");
        Assert.Equal((SuiteApi.EngineeringCode, applied.GetProperty("itemVersion").GetInt32()),
            (item.GetProperty("engineeringCode").GetString(), item.GetProperty("itemVersion").GetInt32()));
        Assert.True(item.GetProperty("itemVersion").GetInt32() >= 1);
        Assert.Equal((4, 3, "4小时"), (item.GetProperty("timeLimit").GetProperty("amount").GetInt32(),
            item.GetProperty("timeLimit").GetProperty("unit").GetInt32(), item.GetProperty("timeLimit").GetProperty("text").GetString()));

        // Accepted on Thu 24 Sep (Intake's clock): due 4 working hours later the same day; read on Approvals' clock
        // (Wed 30 Sep) it is long overdue — 25 Sep (中秋节) and the weekend not counted.
        var clock = item.GetProperty("clock");
        var acceptedAt = item.GetProperty("acceptedAt").GetDateTimeOffset();
        Assert.Equal((4, "分钟", 240), (clock.GetProperty("unit").GetInt32(), clock.GetProperty("unitName").GetString(), clock.GetProperty("limit").GetInt32()));
        Assert.Equal(acceptedAt.AddHours(4), clock.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("逾期", clock.GetProperty("stateName").GetString());
        Assert.True(clock.GetProperty("used").GetInt32() > 2 * 24 * 60, clock.ToString()); // 24 Sep from acceptance, 28 and 29 Sep whole, 30 Sep so far
    }
}
