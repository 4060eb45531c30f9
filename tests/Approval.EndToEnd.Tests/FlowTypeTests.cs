namespace Approval.EndToEnd.Tests;

/// <summary>
/// The approval flow (审批流程类型) chosen at application sets the stage's limit (issue 15): the demo's stage 3 is 15
/// working days for the region, 10 in the 社会投资 flow and 3 in the 小型社会投资/低风险 flow (regions/320193/catalog.json).
/// The choice is stored, shown and carried to Approvals, whose stage clock uses it.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class FlowTypeTests(SuiteFixture suite)
{
    private readonly SuiteApi api = new(suite.Gateway);

    private async Task<HttpResponseMessage> SubmitAsync(Actor applicant, string? flowCode, int stageNo = 3)
    {
        var phase = await api.PhaseAsync(applicant);
        return await api.SendAsync(applicant, HttpMethod.Post, "/api/intake/applications", new
        {
            projectCode = phase.ProjectCode, engineeringCode = phase.EngineeringCode, projectName = "流程类型项目", stageNo, itemCodes = SuiteApi.SkeletonItems,
            form = SuiteApi.SkeletonForm, flowCode,
        });
    }

    [Theory]
    [InlineData("320193-SH-FJ", "社会投资", 10)]
    [InlineData("320193-XX-DFX", "小型社会投资/低风险", 3)]
    public async Task The_chosen_flow_sets_the_stage_limit_from_submission_to_the_stage_clock(string flowCode, string flowType, int limit)
    {
        var applicant = IntakeApi.NewApplicant("流程类型建设有限公司");
        using var submitted = await SubmitAsync(applicant, flowCode);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var application = await submitted.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal((flowCode, flowType, limit), (application.GetProperty("flowCode").GetString(), application.GetProperty("flowType").GetString(),
            application.GetProperty("stageTimeLimitWorkingDays").GetInt32()));
        var id = application.GetProperty("id").GetGuid();

        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        await api.ItemRoutedToAsync("ZJJ", id);
        var view = await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, $"/api/approvals/applications/{id}/items");
        var stage = view.GetProperty("stage");
        Assert.Equal((limit, limit), (stage.GetProperty("timeLimitWorkingDays").GetInt32(), stage.GetProperty("clock").GetProperty("limit").GetInt32()));
    }

    [Fact]
    public async Task Without_a_flow_the_region_limit_applies_and_an_unknown_flow_is_a_400_naming_it()
    {
        var applicant = IntakeApi.NewApplicant("流程类型建设有限公司");
        using (var regional = await SubmitAsync(applicant, null))
        {
            Assert.Equal(HttpStatusCode.Created, regional.StatusCode);
            var body = await regional.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            Assert.Equal(15, body.GetProperty("stageTimeLimitWorkingDays").GetInt32());
        }

        using var unknown = await SubmitAsync(applicant, "320193-NO-SUCH");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var problem = await unknown.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Contains("审批流程", problem.GetProperty("errors").GetProperty("flowCode")[0].GetString());
    }
}
