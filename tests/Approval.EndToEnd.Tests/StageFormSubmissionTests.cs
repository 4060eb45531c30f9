namespace Approval.EndToEnd.Tests;

/// <summary>Intake checks the submitted form against the stage form the Catalog serves (一张表单).</summary>
[Collection(SuiteCollection.Name)]
public sealed class StageFormSubmissionTests(SuiteFixture suite)
{
    private readonly SuiteApi api = new(suite.Gateway);

    [Fact]
    public async Task Every_failing_form_field_is_named_and_nothing_is_received()
    {
        var problem = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Applicant, HttpMethod.Post, "/api/intake/applications",
            new
            {
                projectCode = SuiteApi.ProjectCode, engineeringCode = SuiteApi.EngineeringCode, projectName = "表单不合格的项目", stageNo = 3, itemCodes = SuiteApi.SkeletonItems,
                form = new Dictionary<string, object> { ["合同价格（万元）"] = -5, ["计划开工日期"] = "明年", ["不存在的字段"] = "x" },
            });
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "form.建设规模", "form.合同价格（万元）", "form.计划开工日期", "form.不存在的字段" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field} in {errors}");
        Assert.False(errors.TryGetProperty("form.项目名称", out _), "the project name is prefilled from the application");
        var queue = await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Get, "/api/intake/applications");
        Assert.DoesNotContain(queue.EnumerateArray(), a => a.GetProperty("projectName").GetString() == "表单不合格的项目");
    }

    [Fact]
    public async Task Applying_for_every_item_of_a_stage_needs_the_fields_of_every_item_and_keeps_their_versions()
    {
        var missing = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Applicant, HttpMethod.Post, "/api/intake/applications",
            new { projectCode = SuiteApi.ProjectCode, engineeringCode = SuiteApi.EngineeringCode, projectName = "全部事项", stageNo = 3, form = new { 建设规模 = "5万平方米" } });
        Assert.True(missing.GetProperty("errors").TryGetProperty("form.建筑高度（米）", out _));

        var created = await api.ExpectAsync(HttpStatusCode.Created, Actor.Applicant, HttpMethod.Post, "/api/intake/applications",
            new
            {
                projectCode = SuiteApi.ProjectCode, engineeringCode = SuiteApi.EngineeringCode, projectName = "全部事项", stageNo = 3,
                form = new Dictionary<string, object>
                {
                    ["建设规模"] = "5万平方米", ["总建筑面积（平方米）"] = 50000, ["建筑高度（米）"] = 80, ["防空地下室面积（平方米）"] = 3000,
                },
            });
        var items = created.GetProperty("items");
        Assert.Equal(4, items.GetArrayLength());
        // Each item keeps the version in force (320193-ZJ-SG-001 is at version 3: it declares its order, then its review).
        var stage = await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Get, "/api/catalog/stages/3");
        var inForce = stage.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!, i => i.GetProperty("version").GetInt32());
        Assert.All(items.EnumerateArray(), i => Assert.Equal(inForce[i.GetProperty("itemCode").GetString()!], i.GetProperty("itemVersion").GetInt32()));
        Assert.Equal(3, inForce["320193-ZJ-SG-001"]);
    }
}
