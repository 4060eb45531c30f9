namespace Approval.EndToEnd.Tests;

/// <summary>会商 on a stage instance (issue 6) through the gateway.</summary>
[Collection(SuiteCollection.Name)]
public sealed class ConsultationRoundTripTests(SuiteFixture suite)
{
    private readonly SuiteApi api = new(suite.Gateway);

    [Fact]
    public async Task A_department_consults_another_which_answers_and_the_conclusion_is_attached_to_the_stage()
    {
        var id = await api.SubmitAsync(Actor.Applicant, "会商项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        var itemId = await api.ItemRoutedToAsync("ZJJ", id);
        await api.ItemRoutedToAsync("CGJ", id);
        var zjj = Actor.Department("ZJJ");
        var cgj = Actor.Department("CGJ");
        var item = await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Get, $"/api/approvals/items/{itemId}");
        var stage = item.GetProperty("stageInstanceId").GetGuid();

        var opened = await api.ExpectAsync(HttpStatusCode.Created, zjj, HttpMethod.Post, $"/api/approvals/stages/{stage}/consultations",
            new { topic = "渣土运输路线与施工围挡", departments = new[] { "CGJ" } });
        var consultation = opened.GetProperty("id").GetGuid();
        await api.ExpectAsync(HttpStatusCode.OK, cgj, HttpMethod.Post, $"/api/approvals/stages/{stage}/consultations/{consultation}/answers",
            new { opinion = "同意，运输路线避开学校" });
        await api.ExpectAsync(HttpStatusCode.Conflict, cgj, HttpMethod.Post, $"/api/approvals/stages/{stage}/consultations/{consultation}/answers",
            new { opinion = "再答一次" });
        await api.ExpectAsync(HttpStatusCode.NotFound, cgj, HttpMethod.Post, $"/api/approvals/stages/{stage}/consultations/{consultation}/conclusion",
            new { conclusion = "不是发起部门" });
        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/stages/{stage}/consultations/{consultation}/conclusion",
            new { conclusion = "按城管局意见调整运输路线" });

        var view = await api.ExpectAsync(HttpStatusCode.OK, cgj, HttpMethod.Get, $"/api/approvals/stages/{stage}");
        var c = view.GetProperty("consultations")[0];
        Assert.Equal("按城管局意见调整运输路线", c.GetProperty("conclusion").GetString());
        Assert.Equal("同意，运输路线避开学校", c.GetProperty("answers")[0].GetProperty("opinion").GetString());
        Assert.Equal(2, view.GetProperty("items").GetArrayLength());
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.Department("JTJ"), HttpMethod.Get, $"/api/approvals/stages/{stage}");
    }
}
