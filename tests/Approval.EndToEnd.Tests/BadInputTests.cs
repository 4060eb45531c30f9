namespace Approval.EndToEnd.Tests;

/// <summary>Bad input gets a clear ProblemDetails (400/401/404/409) through the gateway, and nothing half-written.</summary>
[Collection(SuiteCollection.Name)]
public sealed class BadInputTests(SuiteFixture suite)
{
    private readonly SuiteApi api = new(suite.Gateway);

    [Fact]
    public async Task Missing_and_malformed_fields_are_each_named()
    {
        var problem = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Applicant, HttpMethod.Post, "/api/intake/applications",
            new { projectCode = "2509-320193-89-01", form = "not an object" });
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "projectCode", "projectName", "stageNo", "form" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field} is named in {errors}");
        Assert.Contains("NNNN-NNNNNN-NN-NN-NNNNNN", errors.GetProperty("projectCode")[0].GetString());
    }

    [Fact]
    public async Task An_unknown_stage_or_item_is_a_field_error()
    {
        var stage = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Applicant, HttpMethod.Post, "/api/intake/applications",
            new { projectCode = SuiteApi.ProjectCode, engineeringCode = SuiteApi.EngineeringCode, projectName = "x", stageNo = 9 });
        Assert.True(stage.GetProperty("errors").TryGetProperty("stageNo", out _));
        var item = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Applicant, HttpMethod.Post, "/api/intake/applications",
            new { projectCode = SuiteApi.ProjectCode, engineeringCode = SuiteApi.EngineeringCode, projectName = "x", stageNo = 3, itemCodes = new[] { "NO-SUCH-ITEM" } });
        Assert.Contains("NO-SUCH-ITEM", item.GetProperty("errors").GetProperty("itemCodes")[0].GetString());
    }

    [Fact]
    public async Task Unknown_ids_answer_404_and_other_applicants_cannot_see_an_application()
    {
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{Guid.NewGuid()}/accept");
        var id = await api.SubmitAsync(Actor.Applicant, "他人不可见的项目");
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Get, $"/api/intake/applications/{id}/progress");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Get, $"/api/intake/applications/{id}/progress");
    }

    [Fact]
    public async Task Illegal_transitions_answer_409_with_the_current_and_attempted_status()
    {
        var id = await api.SubmitAsync(Actor.Applicant, "非法状态变更的项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        var twice = await api.ExpectAsync(HttpStatusCode.Conflict, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        Assert.Equal((3, 3), (twice.GetProperty("currentStatus").GetInt32(), twice.GetProperty("attemptedStatus").GetInt32()));

        var item = await api.ItemRoutedToAsync("ZJJ", id);
        await api.ReviewPassedAsync(Actor.Applicant, item); // the permit's review gate would answer 409 before the status rule
        var early = await api.ExpectAsync(HttpStatusCode.Conflict, Actor.Department("ZJJ"), HttpMethod.Post, $"/api/approvals/items/{item}/conclude",
            new { approved = true, opinion = "同意" });
        Assert.Equal((3, 11), (early.GetProperty("currentStatus").GetInt32(), early.GetProperty("attemptedStatus").GetInt32()));
        var started = await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("ZJJ"), HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
        Assert.Equal("部门开始办理", started.GetProperty("statusName").GetString());
    }

    [Fact]
    public async Task Decisions_without_a_reason_or_opinion_are_rejected_and_change_nothing()
    {
        var id = await api.SubmitAsync(Actor.Applicant, "缺少理由的项目");
        var problem = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/refuse", new { reason = " " });
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        var progress = await api.ProgressAsync(Actor.Applicant, id);
        Assert.Equal(1, progress.GetProperty("application").GetProperty("statusCode").GetInt32());
        Assert.Equal(1, progress.GetProperty("timeline").GetArrayLength());
    }

    [Fact]
    public async Task A_department_cannot_act_on_an_item_routed_to_another_department()
    {
        var id = await api.SubmitAsync(Actor.Applicant, "他部门事项的项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        var item = await api.ItemRoutedToAsync("ZJJ", id);
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.Department("CGJ"), HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
    }

    [Fact]
    public async Task Requests_without_identity_or_with_the_wrong_role_are_refused()
    {
        using var anonymous = await suite.Gateway.PostAsJsonAsync("/api/intake/applications", new { });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await api.ExpectAsync(HttpStatusCode.Forbidden, Actor.Applicant, HttpMethod.Get, "/api/intake/applications");
    }

    [Fact]
    public async Task A_malformed_licence_identifier_names_the_check_character_rule()
    {
        var problem = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Applicant, HttpMethod.Get,
            "/api/licences/1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.V");
        Assert.Contains("MOD 37,36", problem.GetProperty("errors").GetProperty("identifier")[0].GetString());
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.Applicant, HttpMethod.Get,
            "/api/licences/1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U");
    }
}
