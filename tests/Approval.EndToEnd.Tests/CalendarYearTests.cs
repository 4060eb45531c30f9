using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// Issue 15 item 9, next year's calendar: a deadline in 2027 is 暂定 (counted Monday to Friday) until the region admin loads
/// 2027 through the API, then exact — moved by the uploaded holidays, with no restart. Bad schedules are refused naming the
/// date; nobody but the region's own admin uploads. Runs on its own suite (<see cref="CalendarSuiteFixture"/>, 24 Dec 2026).
/// </summary>
[Collection(CalendarSuiteCollection.Name)]
public sealed class CalendarYearTests(CalendarSuiteFixture suite)
{
    private static readonly Actor Admin = new("region-admin-e2e", "region-admin", Name: "区管理员");
    private static readonly Actor Cgj = Actor.Department("CGJ");
    private readonly SuiteApi api = new(suite.Gateway);

    // 2027 as the test's schedule: 元旦 1–3 January, 春节 6–14 February with Saturday 20 February worked.
    private static readonly object Year2027 = new { holidays = new[] { "2027-01-01/2027-01-03", "2027-02-06/2027-02-14" }, workdays = new[] { "2027-02-20" } };

    [Fact]
    public async Task A_provisional_2027_deadline_becomes_exact_once_the_admin_loads_2027_and_bad_uploads_and_intruders_are_refused()
    {
        var before = await api.ExpectAsync(HttpStatusCode.OK, Admin, HttpMethod.Get, "/api/approvals/calendar");
        Assert.Equal((2026, 2027), (before.GetProperty("lastYear").GetInt32(), before.GetProperty("missingYear").GetInt32()));
        Assert.Equal("2027年节假日安排尚未加载，跨年期限按工作日暂定", before.GetProperty("warning").GetString());

        // 320193-CG-SG-001 (10 working days) accepted Thu 24 Dec 2026: on weekdays only, Fri 1 Jan 2027 counts → Thu 7 Jan 2027, 暂定.
        var application = await api.SubmitAsync(Actor.Applicant, "跨年期限的项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{application}/accept");
        var item = await api.ItemRoutedToAsync("CGJ", application);
        var provisional = await ClockAsync(item);
        Assert.Equal(("2027-01-07", true), (provisional.GetProperty("deadline").GetString(), provisional.GetProperty("provisional").GetBoolean()));
        // A construction-drawing review (10 working days) started by TSZX the same Thursday on Reviews' clock: the same 暂定 deadline.
        var review = await new ReviewFlow(suite.Gateway).ReviewAsync(Actor.Applicant, SuiteApi.DemoPhase, "started");
        Assert.Equal("2027-01-07", (await ReviewClockAsync(review)).GetProperty("deadline").GetString());

        await RefusedAsync(new { holidays = new[] { "2027-01-01", "2026-12-31" } }, "holidays", "2026-12-31");
        await RefusedAsync(new { holidays = new[] { "2027-01-01" }, workdays = new[] { "2027-02-17" } }, "workdays", "2027-02-17");
        await RefusedAsync(new { holidays = new[] { "2027-02-20" }, workdays = new[] { "2027-02-20" } }, "holidays", "2027-02-20");
        await RefusedAsync(new { holidays = new[] { "2027-01-01/2027-01-03", "2027-01-03" } }, "holidays", "2027-01-03");
        var farAhead = await api.ExpectAsync(HttpStatusCode.BadRequest, Admin, HttpMethod.Put, "/api/approvals/calendar/years/2029", Year2027);
        Assert.Contains("2029", farAhead.GetProperty("errors").GetProperty("year")[0].GetString());

        // Nobody else uploads: the applicant, a department and the window are refused by role; another region's admin does not
        // see this region's calendar.
        foreach (var intruder in new[] { Actor.Applicant, Cgj, Actor.Window })
            await api.ExpectAsync(HttpStatusCode.Forbidden, intruder, HttpMethod.Put, "/api/approvals/calendar/years/2027", Year2027);
        await api.ExpectAsync(HttpStatusCode.NotFound, AccessMatrixRows.OtherRegionAdmin, HttpMethod.Put, "/api/approvals/calendar/years/2027", Year2027);
        await api.ExpectAsync(HttpStatusCode.NotFound, AccessMatrixRows.OtherRegionAdmin, HttpMethod.Get, "/api/approvals/calendar");
        await api.ExpectAsync(HttpStatusCode.Forbidden, Actor.Applicant, HttpMethod.Get, "/api/approvals/calendar");
        Assert.True((await ClockAsync(item)).GetProperty("provisional").GetBoolean(), "a refused upload changed the calendar");

        var loaded = await api.ExpectAsync(HttpStatusCode.OK, Admin, HttpMethod.Put, "/api/approvals/calendar/years/2027", Year2027);
        Assert.Equal(("uploaded", "区管理员"), (loaded.GetProperty("source").GetString(), loaded.GetProperty("uploadedByName").GetString()));

        // Exact now: 1 January 2027 is off, so the tenth working day is Fri 8 Jan 2027. Any replica picks the year up within seconds.
        var exact = await SuiteApi.PollAsync(() => ClockAsync(item), c => !c.GetProperty("provisional").GetBoolean(), "the item clock is no longer provisional");
        Assert.Equal("2027-01-08", exact.GetProperty("deadline").GetString());
        // Reviews applies the upload without a restart (CalendarYearUploaded through Approvals' outbox, RuntimeCalendar).
        await SuiteApi.PollAsync(() => ReviewClockAsync(review), c => c.GetProperty("deadline").GetString() == "2027-01-08",
            "the review's deadline moves with the uploaded 2027");

        var after = await api.ExpectAsync(HttpStatusCode.OK, Admin, HttpMethod.Get, "/api/approvals/calendar");
        Assert.Equal((2027, JsonValueKind.Null, JsonValueKind.Null),
            (after.GetProperty("lastYear").GetInt32(), after.GetProperty("missingYear").ValueKind, after.GetProperty("warning").ValueKind));
        var year = after.GetProperty("years").EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == 2027);
        Assert.Equal(["2027-01-01/2027-01-03", "2027-02-06/2027-02-14"], year.GetProperty("holidays").EnumerateArray().Select(h => h.GetString()));

        // The upload is in the audit log, with the admin and the schedule.
        var audit = await api.ExpectAsync(HttpStatusCode.OK, Admin, HttpMethod.Get, "/api/approvals/audit?objectId=2027&action=state-change&take=500");
        Assert.Contains(audit.EnumerateArray(), r => r.GetProperty("objectType").GetString() == "calendar-year"
            && r.GetProperty("outcome").GetString()!.Contains("2027-01-01/2027-01-03", StringComparison.Ordinal));
    }

    private async Task<JsonElement> ReviewClockAsync(Guid review) =>
        (await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Get, $"/api/reviews/{review}")).GetProperty("clock");

    private async Task<JsonElement> ClockAsync(Guid item) =>
        (await api.ExpectAsync(HttpStatusCode.OK, Cgj, HttpMethod.Get, $"/api/approvals/items/{item}")).GetProperty("clock");

    private async Task RefusedAsync(object body, string field, string date)
    {
        var problem = await api.ExpectAsync(HttpStatusCode.BadRequest, Admin, HttpMethod.Put, "/api/approvals/calendar/years/2027", body);
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.True(messages.Any(m => m.Contains(date, StringComparison.Ordinal)), $"{field}: {string.Join(" | ", messages)} does not name {date}");
    }
}
