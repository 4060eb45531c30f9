using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>Issue 5, the window's actions through the gateway with real tokens: 补正 loop, refusals, counter 接件, consultation.</summary>
[Collection(SuiteCollection.Name)]
public sealed class IntakeWindowTests(SuiteFixture suite)
{
    private readonly SuiteApi api = new(suite.Gateway);

    private static int Status(JsonElement application) => application.GetProperty("statusCode").GetInt32();

    [Fact]
    public async Task The_full_correction_loop_lists_two_corrections_in_one_act_blocks_acceptance_and_ends_with_the_resubmission()
    {
        var id = await api.SubmitAsync(Actor.Applicant, "补正流程的项目");
        var corrections = new[]
        {
            new { subject = "施工合同", problem = "缺少双方盖章页" },
            new { subject = "form.建设规模", problem = "与规划许可证不一致" },
        };
        var requested = await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/corrections", new { corrections });
        Assert.Equal((6, "补正（开始）"), (Status(requested), requested.GetProperty("statusName").GetString()));
        Assert.Equal(["施工合同", "form.建设规模"], requested.GetProperty("corrections").EnumerateArray().Select(c => c.GetProperty("subject").GetString()));

        var blocked = await api.ExpectAsync(HttpStatusCode.Conflict, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        Assert.Equal((6, 3), (blocked.GetProperty("currentStatus").GetInt32(), blocked.GetProperty("attemptedStatus").GetInt32()));
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Post, $"/api/intake/applications/{id}/correct", new { });
        var badForm = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Applicant, HttpMethod.Post, $"/api/intake/applications/{id}/correct",
            new { form = new Dictionary<string, object> { ["建设规模"] = "6万平方米", ["合同价格（万元）"] = -1 } });
        Assert.True(badForm.GetProperty("errors").TryGetProperty("form.合同价格（万元）", out _));

        var corrected = await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Post, $"/api/intake/applications/{id}/correct",
            new { form = new { 建设规模 = "6万平方米" } });
        Assert.Equal(7, Status(corrected));
        var accepted = await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        Assert.Equal(3, Status(accepted));

        var timeline = (await api.ProgressAsync(Actor.Applicant, id)).GetProperty("timeline").EnumerateArray()
            .Where(e => e.GetProperty("itemCode").ValueKind == JsonValueKind.Null).ToList();
        Assert.Equal([1, 6, 7, 3], timeline.Select(e => e.GetProperty("statusCode").GetInt32()));
        var list = timeline[1].GetProperty("opinion").GetString()!;
        Assert.Contains("施工合同：缺少双方盖章页", list);
        Assert.Contains("form.建设规模：与规划许可证不一致", list);
        await api.ItemRoutedToAsync("ZJJ", id);
    }

    [Fact]
    public async Task Each_refusal_path_records_its_code_and_reason_and_ends_the_application()
    {
        var outOfScope = await api.SubmitAsync(Actor.Applicant, "不受理的项目");
        await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{outOfScope}/reject-out-of-scope", new { reason = "" });
        var rejected = await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{outOfScope}/reject-out-of-scope",
            new { reason = "不属于本中心受理范围" });
        Assert.Equal((4, "不受理", "不属于本中心受理范围"), (Status(rejected), rejected.GetProperty("statusName").GetString(), rejected.GetProperty("decisionReason").GetString()));

        var refused = await api.SubmitAsync(Actor.Applicant, "不予受理的项目二");
        Assert.Equal(5, Status(await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{refused}/refuse",
            new { reason = "不符合法定受理条件" })));

        var withdrawn = await api.SubmitAsync(Actor.Applicant, "撤件的项目");
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Post, $"/api/intake/applications/{withdrawn}/withdraw");
        Assert.Equal(2, Status(await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Post, $"/api/intake/applications/{withdrawn}/withdraw")));

        foreach (var id in new[] { outOfScope, refused, withdrawn })
        {
            await api.ExpectAsync(HttpStatusCode.Conflict, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
            await api.ExpectAsync(HttpStatusCode.Conflict, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/corrections",
                new { corrections = new[] { new { subject = "施工合同", problem = "缺页" } } });
        }
        var accepted = await api.SubmitAsync(Actor.Applicant, "受理后不能撤件的项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{accepted}/accept");
        await api.ExpectAsync(HttpStatusCode.Conflict, Actor.Applicant, HttpMethod.Post, $"/api/intake/applications/{accepted}/withdraw");
    }

    [Fact]
    public async Task The_window_enters_a_mailed_submission_for_the_applicant_with_its_channel_recorded()
    {
        var online = await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Get, $"/api/intake/applications/{await api.SubmitAsync(Actor.Applicant, "网上申报的项目")}");
        Assert.Equal((2, "网上"), (online.GetProperty("channelCode").GetInt32(), online.GetProperty("channelName").GetString()));
        var applicantId = online.GetProperty("applicantId").GetString();

        var body = new
        {
            applicantId, applicantName = "示范建设有限公司", applicantMobile = (string?)null, channel = "mail", projectCode = SuiteApi.ProjectCode, engineeringCode = SuiteApi.EngineeringCode, projectName = "邮寄申报的项目",
            stageNo = 3, itemCodes = SuiteApi.SkeletonItems, form = SuiteApi.SkeletonForm,
        };
        await api.ExpectAsync(HttpStatusCode.Forbidden, Actor.Applicant, HttpMethod.Post, "/api/intake/applications/counter", body);
        var bad = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Window, HttpMethod.Post, "/api/intake/applications/counter",
            body with { channel = "fax", applicantId = " ", applicantMobile = "0512-123" });
        foreach (var field in new[] { "channel", "applicantId", "applicantMobile" }) Assert.True(bad.GetProperty("errors").TryGetProperty(field, out _), field);

        var mailed = await api.ExpectAsync(HttpStatusCode.Created, Actor.Window, HttpMethod.Post, "/api/intake/applications/counter", body);
        Assert.Equal((1, 4, "综合窗口王五"), (Status(mailed), mailed.GetProperty("channelCode").GetInt32(), mailed.GetProperty("enteredBy").GetString()));
        var id = mailed.GetProperty("id").GetGuid();
        var mine = await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Get, "/api/intake/applications/mine");
        Assert.Contains(mine.EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Get, $"/api/intake/applications/{id}");
        var first = (await api.ProgressAsync(Actor.Applicant, id)).GetProperty("timeline")[0];
        Assert.Equal(("已接件", "综合服务窗口", "邮寄接件"),
            (first.GetProperty("statusName").GetString(), first.GetProperty("organisation").GetString(), first.GetProperty("opinion").GetString()));
    }

    [Fact]
    public async Task The_window_consults_departments_before_acceptance_and_sees_each_answer()
    {
        var id = await api.SubmitAsync(Actor.Applicant, "受理前征求意见的项目");
        var unknown = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/consultations",
            new { question = "x", departments = new[] { "NOPE" } });
        Assert.Contains("NOPE", unknown.GetProperty("errors").GetProperty("departments")[0].GetString());
        await api.ExpectAsync(HttpStatusCode.Forbidden, Actor.Applicant, HttpMethod.Post, $"/api/intake/applications/{id}/consultations",
            new { question = "x", departments = new[] { "ZJJ" } });

        var asked = await api.ExpectAsync(HttpStatusCode.Created, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/consultations",
            new { question = "该项目是否属于施工许可阶段？", departments = new[] { "ZJJ", "CGJ" } });
        var zjjAsk = asked.EnumerateArray().Single(c => c.GetProperty("departmentCode").GetString() == "ZJJ").GetProperty("id").GetGuid();

        var open = await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("ZJJ"), HttpMethod.Get, "/api/intake/consultations?open=true");
        Assert.Contains(open.EnumerateArray(), c => c.GetProperty("id").GetGuid() == zjjAsk && c.GetProperty("projectName").GetString() == "受理前征求意见的项目");
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.Department("CGJ"), HttpMethod.Post, $"/api/intake/consultations/{zjjAsk}/answer", new { opinion = "越权" });
        await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Department("ZJJ"), HttpMethod.Post, $"/api/intake/consultations/{zjjAsk}/answer", new { opinion = " " });
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("ZJJ"), HttpMethod.Post, $"/api/intake/consultations/{zjjAsk}/answer", new { opinion = "属于本阶段，建议受理" });
        await api.ExpectAsync(HttpStatusCode.Conflict, Actor.Department("ZJJ"), HttpMethod.Post, $"/api/intake/consultations/{zjjAsk}/answer", new { opinion = "再答一次" });
        // A consulted department may read the application's materials; one never asked may not.
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("ZJJ"), HttpMethod.Get, $"/api/intake/applications/{id}/materials");
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.Department("JTJ"), HttpMethod.Get, $"/api/intake/applications/{id}/materials");

        var answers = await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Get, $"/api/intake/applications/{id}/consultations");
        var byDepartment = answers.EnumerateArray().ToDictionary(c => c.GetProperty("departmentCode").GetString()!, c => c.GetProperty("opinion"));
        Assert.Equal("属于本阶段，建议受理", byDepartment["ZJJ"].GetString());
        Assert.Equal(JsonValueKind.Null, byDepartment["CGJ"].ValueKind);

        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        await api.ExpectAsync(HttpStatusCode.Conflict, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/consultations",
            new { question = "受理后再问", departments = new[] { "ZJJ" } });
    }
}
