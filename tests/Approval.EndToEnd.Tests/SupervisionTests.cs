using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// Supervision through the gateway (issue 19): a case of its own project runs through Intake and Approvals; the read
/// model's figures for that project equal what the test counts from the item statuses Approvals reports; a department lead
/// sees only their department; 督办 reaches the handler's inbox (Notifications); exports, the period limit and the public page.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class SupervisionTests(SuiteFixture suite)
{
    private static readonly Actor Applicant = new("applicant-supervision", "applicant", Name: "督查测试建设公司");
    private static readonly Actor ZjjLead = new("lead-e2e-ZJJ", "department-lead", "ZJJ", Name: "住建局负责人");
    private readonly SuiteApi api = new(suite.Gateway);

    [Fact]
    public async Task The_figures_of_a_case_equal_the_count_of_its_item_statuses_and_each_caller_sees_their_scope()
    {
        var id = await api.SubmitAsync(Applicant, "督查测试项目");
        var project = (await api.PhaseAsync(Applicant)).ProjectCode;
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        var zjj = await api.ItemRoutedToAsync("ZJJ", id);
        var cgj = await api.ItemRoutedToAsync("CGJ", id);
        // ZJJ takes the case and pauses it for an expert review (特别程序), which ends; CGJ approves.
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("ZJJ"), HttpMethod.Post, $"/api/approvals/items/{zjj}/start", new { });
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("ZJJ"), HttpMethod.Post, $"/api/approvals/items/{zjj}/special-procedures",
            new { type = 4, reason = "专家评审", plannedWorkingDays = 3 });
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("ZJJ"), HttpMethod.Post, $"/api/approvals/items/{zjj}/special-procedures/end", new { result = "评审通过" });
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("CGJ"), HttpMethod.Post, $"/api/approvals/items/{cgj}/start", new { });
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("CGJ"), HttpMethod.Post, $"/api/approvals/items/{cgj}/conclude",
            new { approved = true, opinion = "准予许可" });

        // The count made from the statuses Approvals reports for the case's items (DOMAIN.md codes).
        var statuses = new Dictionary<string, int>();
        foreach (var (department, item) in new[] { ("ZJJ", zjj), ("CGJ", cgj) })
            statuses[department] = (await api.ExpectAsync(HttpStatusCode.OK, Actor.Department(department), HttpMethod.Get, $"/api/approvals/items/{item}"))
                .GetProperty("statusCode").GetInt32();
        Assert.Equal((10, 11), (statuses["ZJJ"], statuses["CGJ"]));
        await MatrixCase.ItemClockAsync(api, project, cgj, c => c.GetProperty("concludedAt").ValueKind == JsonValueKind.String);
        var zjjClock = await MatrixCase.ItemClockAsync(api, project, zjj, c => c.GetProperty("statusCode").GetInt32() == 10);
        Assert.Single(zjjClock.GetProperty("pauses").EnumerateArray(), p => p.GetProperty("kind").GetString() == "special" && p.GetProperty("end").ValueKind == JsonValueKind.String);
        Assert.False(string.IsNullOrEmpty(zjjClock.GetProperty("handlerName").GetString()));
        Assert.Equal("Overdue", zjjClock.GetProperty("state").GetString());   // see the figures below

        var figures = await api.ExpectAsync(HttpStatusCode.OK, MatrixCase.Supervisor, HttpMethod.Get, $"/api/supervision/figures?projectCode={project}");
        var rows = figures.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        Assert.Equal(statuses.Keys.Order(), rows.Keys.Order());
        foreach (var (department, status) in statuses)
        {
            var concluded = status is >= 11 and <= 13 ? 1 : 0;
            var row = rows[department];
            Assert.Equal((1, 1, concluded), (row.GetProperty("received").GetInt32(), row.GetProperty("accepted").GetInt32(), row.GetProperty("concluded").GetInt32()));
            Assert.Equal((double)concluded, row.GetProperty("conclusionRate").GetDouble());
            Assert.Equal((double)concluded, row.GetProperty("onTimeRate").GetDouble());   // concluded on the day: on time
            // A running item is read on Supervision's real time though the suite accepted it on 2026-09-24 (Intake's clock): ZJJ's,
            // still running, is past its limit; CGJ's concluded on Approvals' clock within it.
            Assert.Equal(department == "ZJJ" ? 1 : 0, row.GetProperty("overdue").GetInt32());
        }
        Assert.True(figures.GetProperty("intake").GetProperty("accepted").GetInt32() >= 1);

        // A department lead: their department only; another department's clock does not exist for them.
        var own = await api.ExpectAsync(HttpStatusCode.OK, ZjjLead, HttpMethod.Get, $"/api/supervision/figures?projectCode={project}");
        Assert.Equal(["ZJJ"], own.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()));
        var refused = await api.ExpectAsync(HttpStatusCode.BadRequest, ZjjLead, HttpMethod.Get, "/api/supervision/figures?departmentCode=CGJ");
        Assert.True(refused.GetProperty("errors").TryGetProperty("departmentCode", out _));
        var cgjClock = await MatrixCase.ItemClockAsync(api, project, cgj);
        await api.ExpectAsync(HttpStatusCode.NotFound, ZjjLead, HttpMethod.Get, $"/api/supervision/items/{cgjClock.GetProperty("id").GetString()}");
        await api.ExpectAsync(HttpStatusCode.Forbidden, Actor.Department("ZJJ"), HttpMethod.Get, "/api/supervision/figures");

        // 督办 by the supervisor reaches the handler (the ZJJ account that started the item) and the lead who used the API.
        var urged = await api.ExpectAsync(HttpStatusCode.OK, MatrixCase.Supervisor, HttpMethod.Post,
            $"/api/supervision/items/{zjjClock.GetProperty("id").GetString()}/urge", new { note = "请加快办理" });
        Assert.Equal(("urge", 2), (urged.GetProperty("kind").GetString(), urged.GetProperty("recipientCount").GetInt32()));
        foreach (var staff in new[] { Actor.Department("ZJJ"), ZjjLead })
            await SuiteApi.PollAsync(() => api.ExpectAsync(HttpStatusCode.OK, staff, HttpMethod.Get, "/api/notifications/inbox"),
                i => i.GetProperty("notices").EnumerateArray().Count(n => n.GetProperty("kind").GetString() == "supervision-urge"
                    && n.GetProperty("body").GetString()!.Contains("请加快办理", StringComparison.Ordinal)
                    && n.GetProperty("applicationId").GetGuid() == zjjClock.GetProperty("id").GetGuid()) == 1,
                $"the 督办 notice reaches {staff.User} once", seconds: 60);
        var blank = await api.ExpectAsync(HttpStatusCode.BadRequest, MatrixCase.Supervisor, HttpMethod.Post,
            $"/api/supervision/items/{zjjClock.GetProperty("id").GetString()}/urge", new { note = " " });
        Assert.True(blank.GetProperty("errors").TryGetProperty("note", out _));
    }

    [Fact]
    public async Task Exports_the_period_limit_and_the_public_page()
    {
        using var csv = await api.SendAsync(MatrixCase.Supervisor, HttpMethod.Get, "/api/supervision/figures/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("按时办结率", await csv.Content.ReadAsStringAsync());
        using var xlsx = await api.SendAsync(MatrixCase.Supervisor, HttpMethod.Get, "/api/supervision/figures/export?format=xlsx&groupBy=item");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);

        var tooLong = await api.ExpectAsync(HttpStatusCode.BadRequest, MatrixCase.Supervisor, HttpMethod.Get, "/api/supervision/figures?from=2025-01-01&to=2026-12-31");
        Assert.Contains("366", tooLong.GetProperty("errors").GetProperty("to")[0].GetString());

        // Reviews, utility requests and commissions per provider: the region's supervisors only.
        var services = await api.ExpectAsync(HttpStatusCode.OK, MatrixCase.Supervisor, HttpMethod.Get, "/api/supervision/services");
        Assert.Equal(JsonValueKind.Array, services.ValueKind);
        await api.ExpectAsync(HttpStatusCode.Forbidden, ZjjLead, HttpMethod.Get, "/api/supervision/services");
        var badKind = await api.ExpectAsync(HttpStatusCode.BadRequest, MatrixCase.Supervisor, HttpMethod.Get, "/api/supervision/services?kind=x");
        Assert.True(badKind.GetProperty("errors").TryGetProperty("kind", out _));

        // Anyone may read the on-time rates; nothing names a case, a project or a person.
        var open = await suite.Gateway.GetAsync("/api/supervision/public/departments");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        var text = await open.Content.ReadAsStringAsync();
        foreach (var row in JsonDocument.Parse(text).RootElement.EnumerateArray())
            Assert.Equal(["departmentCode", "departmentName", "concluded", "onTimeRate", "ratings", "averageRating"], row.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("督查测试", text);
        Assert.Equal(HttpStatusCode.Unauthorized, (await suite.Gateway.GetAsync("/api/supervision/figures")).StatusCode);
    }
}
