using System.Text.Json;
using System.Text.RegularExpressions;

namespace Approval.EndToEnd.Tests;

/// <summary>Stage instances, 并联审批实例编码, special procedures and clocks (issue 6) through the gateway.</summary>
[Collection(SuiteCollection.Name)]
public sealed class ParallelApprovalTests(SuiteFixture suite)
{
    private readonly SuiteApi api = new(suite.Gateway);

    [Fact]
    public async Task Every_item_of_an_accepted_stage_carries_the_same_parallel_instance_code_and_a_running_clock()
    {
        var id = await api.SubmitAsync(Actor.Applicant, "并联审批项目");
        var accepted = await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        var acceptedAt = accepted.GetProperty("decidedAt").GetDateTimeOffset();

        var zjj = await ItemAsync("ZJJ", id);
        var cgj = await ItemAsync("CGJ", id);
        var code = zjj.GetProperty("parallelInstanceCode").GetString()!;
        Assert.Equal(code, cgj.GetProperty("parallelInstanceCode").GetString());
        // Accepted on Intake's clock (SuiteFixture.IntakeNow): Thursday 24 September 2026 in the region (UTC+8).
        Assert.Equal(new DateOnly(2026, 9, 24), DateOnly.FromDateTime(acceptedAt.ToOffset(TimeSpan.FromHours(8)).DateTime));
        Assert.Matches(new Regex(@"^32019320260924\d{6}$"), code);

        // The clock follows regions/320193/calendar.json: 5 working days after Thu 24 Sep (not counted) are Mon 28, Tue 29,
        // Wed 30 Sep (Fri 25 中秋节 and the weekend are off), then — 国庆节 1–7 Oct off — Thu 8 and Fri 9 Oct.
        var clock = zjj.GetProperty("clock");
        Assert.True(clock.ValueKind == JsonValueKind.Object, $"no clock: {zjj.GetProperty("clockProblem")}");
        Assert.Equal("2026-10-09", clock.GetProperty("deadline").GetString());
        Assert.Equal(5, clock.GetProperty("limit").GetInt32());
        Assert.Equal(0, clock.GetProperty("paused").GetInt32());
        // Read on Approvals' clock (Wed 30 Sep, 09:00 onwards): 28, 29, 30 Sep are used, 2 of 5 remain, and the region's
        // threshold ("warning": 2 working days or 20 % of the limit) makes 2 left a 预警.
        Assert.Equal((3, 2, "预警"), (clock.GetProperty("used").GetInt32(), clock.GetProperty("remaining").GetInt32(),
            clock.GetProperty("stateName").GetString()));
    }

    [Fact]
    public async Task A_special_procedure_pauses_the_clock_and_appears_in_the_applicants_timeline()
    {
        var id = await api.SubmitAsync(Actor.Applicant, "特别程序项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        var item = await api.ItemRoutedToAsync("ZJJ", id);
        var zjj = Actor.Department("ZJJ");
        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });

        var never = await api.ExpectAsync(HttpStatusCode.Conflict, zjj, HttpMethod.Post, $"/api/approvals/items/{item}/special-procedures/end", new { result = "无" });
        Assert.Equal((8, 10), (never.GetProperty("currentStatus").GetInt32(), never.GetProperty("attemptedStatus").GetInt32()));
        var bad = await api.ExpectAsync(HttpStatusCode.BadRequest, zjj, HttpMethod.Post, $"/api/approvals/items/{item}/special-procedures", new { type = 6 });
        Assert.Equal(["plannedWorkingDays", "reason", "type"], bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());

        var started = await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/items/{item}/special-procedures",
            new { type = 4, reason = "消防专家评审", plannedWorkingDays = 5 });
        Assert.Equal("特别程序（开始）", started.GetProperty("statusName").GetString());
        Assert.True(started.GetProperty("clock").ValueKind == JsonValueKind.Object, $"no clock: {started.GetProperty("clockProblem")}");
        Assert.True(started.GetProperty("clock").GetProperty("isPaused").GetBoolean());
        var ended = await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/items/{item}/special-procedures/end", new { result = "评审通过" });
        var procedure = ended.GetProperty("specialProcedures")[0];
        Assert.Equal(("专家评审", "评审通过"), (procedure.GetProperty("typeName").GetString(), procedure.GetProperty("result").GetString()));
        await api.ReviewPassedAsync(Actor.Applicant, item);
        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/items/{item}/conclude", new { approved = true, opinion = "准予许可" });

        var progress = await SuiteApi.PollAsync(() => api.ProgressAsync(Actor.Applicant, id),
            // The item's own 办结（通过）line: the stage's conclusion line carries 11 too and may arrive first.
            p => p.GetProperty("timeline").EnumerateArray().Any(e => e.GetProperty("itemCode").GetString() == "320193-ZJ-SG-001"
                && e.GetProperty("statusCode").GetInt32() == 11),
            "the conclusion reaches the applicant's timeline");
        var codes = progress.GetProperty("timeline").EnumerateArray()
            .Where(e => e.GetProperty("itemCode").GetString() == "320193-ZJ-SG-001").Select(e => e.GetProperty("statusCode").GetInt32());
        Assert.Equal([3, 8, 9, 10, 11], codes);
    }

    [Fact]
    public async Task Approval_with_materials_to_follow_issues_the_certificate_and_tells_the_applicant_what_is_owed()
    {
        var id = await api.SubmitAsync(Actor.Applicant, "容缺通过项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        var item = await api.ItemRoutedToAsync("ZJJ", id);
        var zjj = Actor.Department("ZJJ");
        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);

        var refused = await api.ExpectAsync(HttpStatusCode.BadRequest, zjj, HttpMethod.Post, $"/api/approvals/items/{item}/conclude",
            new { approved = false, opinion = "不通过", materialsToFollow = new[] { "施工合同" }, materialsDue = due });
        Assert.True(refused.GetProperty("errors").TryGetProperty("materialsToFollow", out _));
        await api.ReviewPassedAsync(Actor.Applicant, item);
        var concluded = await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/items/{item}/conclude",
            new { approved = true, opinion = "同意，容缺受理", materialsToFollow = new[] { "施工合同" }, materialsDue = due });
        Assert.Equal((12, "办结（容缺通过）"), (concluded.GetProperty("statusCode").GetInt32(), concluded.GetProperty("statusName").GetString()));
        Assert.Equal(due, DateOnly.Parse(concluded.GetProperty("materialsDue").GetString()!));

        var progress = await SuiteApi.PollAsync(() => api.ProgressAsync(Actor.Applicant, id),
            p => p.GetProperty("licences").EnumerateArray().Any(l => l.GetProperty("itemCode").GetString() == "320193-ZJ-SG-001"),
            "the certificate of the item approved with materials to follow is issued");
        var step = progress.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("statusCode").GetInt32() == 12);
        Assert.Contains("施工合同", step.GetProperty("opinion").GetString());
        Assert.Contains($"{due:yyyy-MM-dd}", step.GetProperty("opinion").GetString());
    }

    private async Task<JsonElement> ItemAsync(string department, Guid applicationId)
    {
        var id = await api.ItemRoutedToAsync(department, applicationId);
        return await api.ExpectAsync(HttpStatusCode.OK, Actor.Department(department), HttpMethod.Get, $"/api/approvals/items/{id}");
    }

}
