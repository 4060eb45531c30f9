using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>Projects through the gateway with real tokens: codes checked, engineering codes generated and linked, stage forms prefilled.</summary>
[Collection(SuiteCollection.Name)]
public sealed class ProjectsTests(SuiteFixture suite)
{
    private static readonly Actor Owner = new("applicant-projects", "applicant", Name: "项目登记建设公司");
    private readonly SuiteApi api = new(suite.Gateway);

    private static object Registration(string code) => new
    {
        projectCode = code, name = "示范区科创园", address = "示范区科创大道1号", divisionCode = "320193",
        longitude = 120.585316m, latitude = 31.298886m, totalInvestment = 52000m, projectType = 3, constructionNature = 1,
    };

    private Task<JsonElement> RegisterAsync(string code) =>
        api.ExpectAsync(HttpStatusCode.Created, Owner, HttpMethod.Post, "/api/projects", Registration(code));

    private Task<JsonElement> PhaseAsync(string code, string name, string? previous = null) =>
        api.ExpectAsync(HttpStatusCode.Created, Owner, HttpMethod.Post, $"/api/projects/{code}/engineering-codes", new { name, previousEngineeringCode = previous });

    [Fact]
    public async Task A_registered_project_gets_two_linked_engineering_codes_and_a_later_stage_form_prefills_from_them()
    {
        var code = ProjectPhases.NewProjectCode();
        var project = await RegisterAsync(code);
        Assert.Equal(("项目登记建设公司", "备案类", "新建"), (project.GetProperty("ownerName").GetString(),
            project.GetProperty("projectType").GetProperty("name").GetString(), project.GetProperty("constructionNature").GetProperty("name").GetString()));

        var first = await PhaseAsync(code, "一期");
        var second = await PhaseAsync(code, "二期");
        Assert.Equal(($"{code}-001", JsonValueKind.Null), (first.GetProperty("engineeringCode").GetString(), first.GetProperty("previousEngineeringCode").ValueKind));
        Assert.Equal(($"{code}-002", $"{code}-001"), (second.GetProperty("engineeringCode").GetString(), second.GetProperty("previousEngineeringCode").GetString()));

        var read = await api.ExpectAsync(HttpStatusCode.OK, Owner, HttpMethod.Get, $"/api/projects/{code}");
        Assert.Equal([$"{code}-001", $"{code}-002"], read.GetProperty("engineeringCodes").EnumerateArray().Select(e => e.GetProperty("engineeringCode").GetString()));

        var prefill = await api.ExpectAsync(HttpStatusCode.OK, Owner, HttpMethod.Get, $"/api/projects/engineering/{code}-002");
        Assert.Equal((code, "示范区科创园", $"{code}-002", "二期", $"{code}-001"), (prefill.GetProperty("projectCode").GetString(),
            prefill.GetProperty("projectName").GetString(), prefill.GetProperty("engineeringCode").GetString(),
            prefill.GetProperty("engineeringName").GetString(), prefill.GetProperty("previousEngineeringCode").GetString()));
        Assert.Equal((120.585316m, 31.298886m, 52000m, "320193"), (prefill.GetProperty("longitude").GetDecimal(), prefill.GetProperty("latitude").GetDecimal(),
            prefill.GetProperty("totalInvestment").GetDecimal(), prefill.GetProperty("divisionCode").GetString()));
        var fields = prefill.GetProperty("fields");
        Assert.Equal((code, "示范区科创园", "示范区科创大道1号"), (fields.GetProperty("project.code").GetString(),
            fields.GetProperty("project.name").GetString(), fields.GetProperty("project.address").GetString()));

        // The window reads it; another applicant learns nothing, and cannot add a phase.
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Get, $"/api/projects/engineering/{code}-002");
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Get, $"/api/projects/{code}");
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Get, $"/api/projects/engineering/{code}-001");
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Post, $"/api/projects/{code}/engineering-codes", new { name = "三期" });
        var others = await api.ExpectAsync(HttpStatusCode.OK, Actor.OtherApplicant, HttpMethod.Get, "/api/projects");
        Assert.DoesNotContain(others.EnumerateArray(), p => p.GetProperty("projectCode").GetString() == code);
        var mine = await api.ExpectAsync(HttpStatusCode.OK, Owner, HttpMethod.Get, "/api/projects");
        Assert.Contains(mine.EnumerateArray(), p => p.GetProperty("projectCode").GetString() == code);
    }

    [Theory]
    [InlineData("2509-110101-89-01-544060", "区划段")]
    [InlineData("2509-320193-89-01-54406", "NNNN-NNNNNN-NN-NN-NNNNNN")]
    public async Task A_wrong_project_code_is_a_400_naming_the_rule(string code, string rule)
    {
        var problem = await api.ExpectAsync(HttpStatusCode.BadRequest, Owner, HttpMethod.Post, "/api/projects", Registration(code));
        var message = problem.GetProperty("errors").GetProperty("projectCode")[0].GetString();
        Assert.Contains(rule, message);
        Assert.Contains(" / ", message);
    }

    [Fact]
    public async Task A_project_code_is_registered_once()
    {
        var code = ProjectPhases.NewProjectCode();
        await RegisterAsync(code);
        await api.ExpectAsync(HttpStatusCode.Conflict, Actor.OtherApplicant, HttpMethod.Post, "/api/projects", Registration(code));
    }

    [Fact]
    public async Task Concurrent_requests_each_get_their_own_engineering_code()
    {
        var code = ProjectPhases.NewProjectCode();
        await RegisterAsync(code);
        var issued = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => PhaseAsync(code, $"第{i}批")));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"{code}-{i:D3}"), issued.Select(e => e.GetProperty("engineeringCode").GetString()).Order());
    }

    [Fact]
    public async Task The_projects_and_notifications_API_documents_are_served_through_the_gateway()
    {
        foreach (var service in new[] { "projects", "notifications" })
        {
            var document = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json");
            Assert.Contains(document.GetProperty("paths").EnumerateObject(), p => p.Name.StartsWith($"/api/{service}", StringComparison.Ordinal));
        }
    }
}
