using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// Data entered once through the gateway: a stage application names only its engineering code (工程代码);
/// Intake fills the project's data in from Projects and, in a later stage, what the applicant entered in stage 1.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ProjectPrefillTests(SuiteFixture suite)
{
    private static readonly Actor Owner = new("applicant-prefill", "applicant", Name: "预填建设公司");
    private readonly SuiteApi api = new(suite.Gateway);

    private async Task<(string ProjectCode, string EngineeringCode)> RegisterAsync()
    {
        var code = ProjectPhases.NewProjectCode();
        await api.ExpectAsync(HttpStatusCode.Created, Owner, HttpMethod.Post, "/api/projects", new
        {
            projectCode = code, name = "示范区预填科技园", address = "示范区星湖街8号", divisionCode = "320193",
            longitude = 120.7m, latitude = 31.3m, totalInvestment = 8000m, projectType = 3, constructionNature = 1,
        });
        var phase = await api.ExpectAsync(HttpStatusCode.Created, Owner, HttpMethod.Post, $"/api/projects/{code}/engineering-codes", new { name = "一期" });
        return (code, phase.GetProperty("engineeringCode").GetString()!);
    }

    private static string? Field(JsonElement application, string name) =>
        application.GetProperty("form").TryGetProperty(name, out var v) ? v.GetString() : null;

    [Fact]
    public async Task A_second_stage_form_is_prefilled_from_the_project_and_the_first_stage()
    {
        var (projectCode, engineeringCode) = await RegisterAsync();

        // Stage 1 (立项用地规划许可): no project code or name typed; the stage-1 data is entered here, once.
        var first = await api.ExpectAsync(HttpStatusCode.Created, Owner, HttpMethod.Post, "/api/intake/applications", new
        {
            engineeringCode, stageNo = 1, itemCodes = new[] { "320193-FG-LX-001" },
            form = new { 建设单位 = "预填建设公司", 建设地点 = "示范区星湖街8号", 建设规模 = "3万平方米" },
        });
        Assert.Equal((projectCode, "示范区预填科技园", engineeringCode), (first.GetProperty("projectCode").GetString(),
            first.GetProperty("projectName").GetString(), first.GetProperty("engineeringCode").GetString()));
        Assert.Equal((projectCode, "示范区预填科技园"), (Field(first, "项目代码"), Field(first, "项目名称")));

        // The portal's view before stage 2 is typed: the project's data and stage 1's 建设单位.
        var shown = await api.ExpectAsync(HttpStatusCode.OK, Owner, HttpMethod.Get,
            $"/api/intake/prefill?engineeringCode={engineeringCode}&stageNo=2&items=320193-ZR-GH-002");
        Assert.Equal((projectCode, "示范区预填科技园", "预填建设公司"), (shown.GetProperty("项目代码").GetString(),
            shown.GetProperty("项目名称").GetString(), shown.GetProperty("建设单位").GetString()));
        Assert.False(shown.TryGetProperty("建设规模", out _)); // not marked for prefill: the applicant states it per stage

        // Stage 2 (工程建设许可): only what is new is typed; 建设单位 (required) comes from stage 1.
        var second = await api.ExpectAsync(HttpStatusCode.Created, Owner, HttpMethod.Post, "/api/intake/applications", new
        {
            engineeringCode, stageNo = 2, itemCodes = new[] { "320193-ZR-GH-002" },
            form = new Dictionary<string, object> { ["建设规模"] = "3万平方米", ["总建筑面积（平方米）"] = 30000 },
        });
        Assert.Equal(("预填建设公司", projectCode), (Field(second, "建设单位"), Field(second, "项目代码")));
    }

    [Fact]
    public async Task An_engineering_code_that_is_not_the_applicants_is_a_400_and_a_mismatching_project_code_too()
    {
        var (projectCode, engineeringCode) = await RegisterAsync();
        var foreign = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.OtherApplicant, HttpMethod.Post, "/api/intake/applications", new
        {
            engineeringCode, stageNo = 1, itemCodes = new[] { "320193-FG-LX-001" }, form = new { 建设规模 = "1万平方米" },
        });
        Assert.Contains("工程代码", foreign.GetProperty("errors").GetProperty("engineeringCode")[0].GetString());

        var mismatch = await api.ExpectAsync(HttpStatusCode.BadRequest, Owner, HttpMethod.Post, "/api/intake/applications", new
        {
            engineeringCode, projectCode = SuiteApi.ProjectCode, stageNo = 1, itemCodes = new[] { "320193-FG-LX-001" }, form = new { 建设规模 = "1万平方米" },
        });
        Assert.Contains(projectCode, mismatch.GetProperty("errors").GetProperty("projectCode")[0].GetString());
    }
}
