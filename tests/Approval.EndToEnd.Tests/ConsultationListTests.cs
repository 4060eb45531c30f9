using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// The department's 会商 list (GET /api/approvals/consultations): the lead and the invited department see the
/// consultation with their part in it; a department of the stage that was not invited, the same department code in
/// another region, an applicant and an anonymous caller do not.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ConsultationListTests(SuiteFixture suite)
{
    private readonly SuiteApi api = new(suite.Gateway);

    [Fact]
    public async Task The_lead_and_the_invited_department_list_the_consultation_and_nobody_else_does()
    {
        var id = await api.SubmitAsync(Actor.Applicant, "会商列表项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        var itemId = await api.ItemRoutedToAsync("ZJJ", id);
        await api.ItemRoutedToAsync("CGJ", id);
        var (zjj, cgj) = (Actor.Department("ZJJ"), Actor.Department("CGJ"));
        var stage = (await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Get, $"/api/approvals/items/{itemId}")).GetProperty("stageInstanceId").GetGuid();
        var topic = $"会商列表{Guid.NewGuid():N}";
        var consultation = (await api.ExpectAsync(HttpStatusCode.Created, zjj, HttpMethod.Post, $"/api/approvals/stages/{stage}/consultations",
            new { topic, departments = new[] { "CGJ" } })).GetProperty("id").GetGuid();

        var lead = await FindAsync(zjj, consultation, "?open=true");
        Assert.True(lead.GetProperty("lead").GetBoolean());
        Assert.Equal(stage, lead.GetProperty("stageId").GetGuid());
        Assert.Equal(id, lead.GetProperty("applicationId").GetGuid());
        Assert.Equal("会商列表项目", lead.GetProperty("projectName").GetString());
        Assert.Equal(topic, lead.GetProperty("consultation").GetProperty("topic").GetString());
        Assert.False(string.IsNullOrEmpty(lead.GetProperty("departmentNames").GetProperty("CGJ").GetString()));
        var invited = await FindAsync(cgj, consultation, "");
        Assert.False(invited.GetProperty("lead").GetBoolean());
        Assert.False(invited.GetProperty("answered").GetBoolean());

        await api.ExpectAsync(HttpStatusCode.OK, cgj, HttpMethod.Post, $"/api/approvals/stages/{stage}/consultations/{consultation}/answers", new { opinion = "同意" });
        Assert.True((await FindAsync(cgj, consultation, "")).GetProperty("answered").GetBoolean());
        Assert.Null(await FindOrNullAsync(zjj, consultation, "?open=false"));
        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/stages/{stage}/consultations/{consultation}/conclusion", new { conclusion = "同意" });
        Assert.Null(await FindOrNullAsync(cgj, consultation, "?open=true"));
        Assert.Equal("同意", (await FindAsync(cgj, consultation, "?open=false")).GetProperty("consultation").GetProperty("conclusion").GetString());

        Assert.Null(await FindOrNullAsync(Actor.Department("JTJ"), consultation, ""));
        Assert.Null(await FindOrNullAsync(AccessMatrixRows.OtherRegionZjj, consultation, ""));
        Assert.Null(await FindOrNullAsync(AccessMatrixRows.OtherRegionCgj, consultation, ""));
        await api.ExpectAsync(HttpStatusCode.Forbidden, Actor.Applicant, HttpMethod.Get, "/api/approvals/consultations");
        Assert.Equal(HttpStatusCode.Unauthorized, (await suite.Gateway.GetAsync("/api/approvals/consultations")).StatusCode);
    }

    private async Task<JsonElement> FindAsync(Actor department, Guid consultation, string query) =>
        await FindOrNullAsync(department, consultation, query) ?? throw new Xunit.Sdk.XunitException($"{department.User} does not list consultation {consultation}");

    private async Task<JsonElement?> FindOrNullAsync(Actor department, Guid consultation, string query)
    {
        var list = await api.ExpectAsync(HttpStatusCode.OK, department, HttpMethod.Get, "/api/approvals/consultations" + query);
        foreach (var row in list.EnumerateArray())
            if (row.GetProperty("consultation").GetProperty("id").GetGuid() == consultation) return row;
        return null;
    }
}
