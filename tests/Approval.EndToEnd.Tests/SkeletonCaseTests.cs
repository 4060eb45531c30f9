using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>One real case carried from application to e-certificate across Catalog, Intake, Approvals and Licences.</summary>
[Collection(SuiteCollection.Name)]
public sealed class SkeletonCaseTests(SuiteFixture suite)
{
    private readonly SuiteApi api = new(suite.Gateway);

    [Fact]
    public async Task An_accepted_application_with_two_approved_items_yields_two_certificates_and_a_full_timeline()
    {
        var id = await api.SubmitAsync(Actor.Applicant);
        var accepted = await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        Assert.Equal(3, accepted.GetProperty("statusCode").GetInt32());

        foreach (var department in new[] { "ZJJ", "CGJ" })
        {
            var item = await api.ItemRoutedToAsync(department, id);
            var actor = Actor.Department(department);
            await api.ExpectAsync(HttpStatusCode.OK, actor, HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
            var concluded = await api.ExpectAsync(HttpStatusCode.OK, actor, HttpMethod.Post, $"/api/approvals/items/{item}/conclude",
                new { approved = true, opinion = "符合条件，准予许可" });
            Assert.Equal("办结（通过）", concluded.GetProperty("statusName").GetString());
        }

        var progress = await SuiteApi.PollAsync(() => api.ProgressAsync(Actor.Applicant, id),
            p => p.GetProperty("licences").GetArrayLength() == 2 && p.GetProperty("timeline").GetArrayLength() == 8,
            "both certificates are issued and every step is in the timeline");

        // 已接件, 已受理 for the application; 已受理, 部门开始办理, 办结（通过） for each item.
        var steps = progress.GetProperty("timeline").EnumerateArray()
            .Select(e => (Item: e.GetProperty("itemCode").GetString(), Code: e.GetProperty("statusCode").GetInt32(), Name: e.GetProperty("statusName").GetString()))
            .ToList();
        Assert.Equal([(null, 1, "已接件"), (null, 3, "已受理")], steps.Where(s => s.Item is null));
        foreach (var item in new[] { "320193-ZJ-SG-001", "320193-CG-SG-001" })
            Assert.Equal([3, 8, 11], steps.Where(s => s.Item == item).Select(s => s.Code));

        foreach (var licence in progress.GetProperty("licences").EnumerateArray())
        {
            var identifier = licence.GetProperty("identifier").GetString()!;
            Assert.StartsWith("1.2.156.3005.2.", identifier);
            // The public licence library answers for it without a token.
            var found = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/licences/{identifier}");
            Assert.Equal("2509-320193-89-01-544060", found.GetProperty("projectCode").GetString());
            Assert.Equal("示范建设有限公司", found.GetProperty("holder").GetString());
            // Its issue is in the licence library's audit log, once.
            var audit = await api.ExpectAsync(HttpStatusCode.OK, new Actor("supervisor-e2e", "supervisor", Name: "监察科赵六"), HttpMethod.Get,
                $"/api/licences/audit?objectId={Uri.EscapeDataString(identifier)}");
            Assert.Single(audit.EnumerateArray(), r => r.GetProperty("action").GetString() == "state-change");
        }
    }

    [Fact]
    public async Task A_refused_application_records_its_reason_and_starts_no_item()
    {
        var id = await api.SubmitAsync(Actor.Applicant, "不予受理的项目");
        var refused = await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/refuse",
            new { reason = "项目不属于本审批阶段" });
        Assert.Equal(5, refused.GetProperty("statusCode").GetInt32());

        var progress = await api.ProgressAsync(Actor.Applicant, id);
        var last = progress.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal(("不予受理", "项目不属于本审批阶段"), (last.GetProperty("statusName").GetString(), last.GetProperty("opinion").GetString()));
        Assert.Equal("项目不属于本审批阶段", progress.GetProperty("application").GetProperty("decisionReason").GetString());

        await api.ExpectAsync(HttpStatusCode.Conflict, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        var items = await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("ZJJ"), HttpMethod.Get, $"/api/approvals/items?applicationId={id}");
        Assert.Equal(0, items.GetArrayLength());
    }

    [Fact]
    public async Task The_API_documents_of_every_service_are_served_through_the_gateway()
    {
        foreach (var service in new[] { "catalog", "intake", "approvals", "licences" })
        {
            var document = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json");
            Assert.Contains(document.GetProperty("paths").EnumerateObject(), p => p.Name.StartsWith($"/api/{service}", StringComparison.Ordinal));
        }
        using var scalar = await suite.Gateway.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
    }
}
