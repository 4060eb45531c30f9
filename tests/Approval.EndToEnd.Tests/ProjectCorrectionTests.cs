using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// The owner corrects a project's basic information (PUT /api/projects/{code}) through the gateway: checked like a
/// registration (planned start before end), refused to anyone else as "not found", the code and owner unchanged.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ProjectCorrectionTests(SuiteFixture suite)
{
    private static readonly Actor Owner = new("applicant-correction", "applicant", Name: "项目修改建设公司");
    private readonly SuiteApi api = new(suite.Gateway);

    /// <summary>A valid correction of a demo-region project (the access matrix sends it too).</summary>
    public static object Correction(string plannedStart = "2027-04-01", string plannedEnd = "2029-12-31") => new
    {
        name = "示范区科创园（修正）", address = "示范区科创大道2号", divisionCode = "320193", longitude = 120.6m, latitude = 31.3m,
        totalInvestment = 61000m, projectType = 2, constructionNature = 2, plannedStart, plannedEnd,
    };

    [Fact]
    public async Task Only_the_owner_corrects_the_project_and_a_planned_end_before_the_start_is_refused()
    {
        var code = ProjectPhases.NewProjectCode();
        var registered = await api.ExpectAsync(HttpStatusCode.Created, Owner, HttpMethod.Post, "/api/projects", new
        {
            projectCode = code, name = "示范区科创园", address = "示范区科创大道1号", divisionCode = "320193",
            longitude = 120.585316m, latitude = 31.298886m, totalInvestment = 52000m, projectType = 3, constructionNature = 1,
            plannedStart = "2027-03-01", plannedEnd = "2029-06-30",
        });
        Assert.Equal(("2027-03-01", "2029-06-30"), (registered.GetProperty("plannedStart").GetString(), registered.GetProperty("plannedEnd").GetString()));

        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Put, $"/api/projects/{code}", Correction());

        var problem = await api.ExpectAsync(HttpStatusCode.BadRequest, Owner, HttpMethod.Put, $"/api/projects/{code}", Correction("2030-01-01", "2029-12-31"));
        var errors = problem.GetProperty("errors");
        Assert.Equal(["plannedEnd"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("拟开工时间应早于拟建成时间", errors.GetProperty("plannedEnd")[0].GetString());

        await api.ExpectAsync(HttpStatusCode.OK, Owner, HttpMethod.Put, $"/api/projects/{code}", Correction());
        var read = await api.ExpectAsync(HttpStatusCode.OK, Owner, HttpMethod.Get, $"/api/projects/{code}");
        Assert.Equal((code, "示范区科创园（修正）", "示范区科创大道2号", 61000m, "核准类", "扩建", "2027-04-01", "2029-12-31"), (
            read.GetProperty("projectCode").GetString(), read.GetProperty("name").GetString(), read.GetProperty("address").GetString(),
            read.GetProperty("totalInvestment").GetDecimal(), read.GetProperty("projectType").GetProperty("name").GetString(),
            read.GetProperty("constructionNature").GetProperty("name").GetString(),
            read.GetProperty("plannedStart").GetString(), read.GetProperty("plannedEnd").GetString()));
        Assert.Equal(registered.GetProperty("ownerId").GetString(), read.GetProperty("ownerId").GetString());

        // The other applicant's attempt and the owner's correction are each in the audit log once.
        var audit = (await api.ExpectAsync(HttpStatusCode.OK, MatrixCase.Supervisor, HttpMethod.Get, $"/api/projects/audit?objectId={code}&take=100")).EnumerateArray().ToList();
        Assert.Equal(1, audit.Count(r => r.GetProperty("action").GetString() == "access-denied" && r.GetProperty("actorName").GetString() == "另一建设公司"));
        Assert.Equal(1, audit.Count(r => r.GetProperty("action").GetString() == "state-change" && r.GetProperty("outcome").GetString() == "修改项目基本信息"));
    }
}
