using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// 好差评 through the gateway (issue 19, R-11.1): the applicant rates a concluded item once; a 非常不满意 rating goes through
/// CGJ's call-back, rectification and answer, which reaches the applicant's inbox; the bad inputs (a matter not concluded or
/// not the rater's, a second rating, a bad level, closing without an answer); the appeal a supervisor decides; the window's
/// counter rating once per visit; the statistics per department.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class RatingsTests(SuiteFixture suite)
{
    private static readonly Actor Applicant = new("applicant-ratings", "applicant", Name: "评价测试建设公司");
    private static readonly Actor CounterWindow = new("window-ratings", "window", "ZHCK", Name: "综合窗口评价员");
    private static readonly Actor Cgj = Actor.Department("CGJ");
    private const string Ratings = "/api/supervision/ratings";
    private readonly SuiteApi api = new(suite.Gateway);

    [Fact]
    public async Task A_very_dissatisfied_rating_goes_through_call_back_rectification_and_answer()
    {
        // Not concluded: the ZJJ item of a fresh case (Supervision has its clock, still running).
        var running = await api.SubmitAsync(Applicant, "好差评未办结");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{running}/accept");
        var zjj = await api.ItemRoutedToAsync("ZJJ", running);
        await MatrixCase.ItemClockAsync(api, (await api.PhaseAsync(Applicant)).ProjectCode, zjj);
        var early = await api.ExpectAsync(HttpStatusCode.Conflict, Applicant, HttpMethod.Post, Ratings, new { kind = "item", subjectId = zjj, level = 1 });
        Assert.Contains("办结", early.GetProperty("detail").GetString());

        var (rating, item) = await MatrixCase.BadRatingAsync(api, Applicant, "好差评测试项目");
        var path = $"{Ratings}/{rating}";
        // Once per matter; not the rater's or unknown → 404; the level and comment checked.
        await api.ExpectAsync(HttpStatusCode.Conflict, Applicant, HttpMethod.Post, Ratings, new { kind = "item", subjectId = item, level = 1 });
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Post, Ratings, new { kind = "item", subjectId = item, level = 1 });
        await api.ExpectAsync(HttpStatusCode.NotFound, Applicant, HttpMethod.Post, Ratings, new { kind = "item", subjectId = Guid.NewGuid(), level = 1 });
        var level = await api.ExpectAsync(HttpStatusCode.BadRequest, Applicant, HttpMethod.Post, Ratings, new { kind = "item", subjectId = item, level = 6 });
        Assert.Contains("非常不满意", level.GetProperty("errors").GetProperty("level")[0].GetString());
        var comment = await api.ExpectAsync(HttpStatusCode.BadRequest, Applicant, HttpMethod.Post, Ratings,
            new { kind = "item", subjectId = item, level = 2, comment = new string('慢', 501) });
        Assert.True(comment.GetProperty("errors").TryGetProperty("comment", out _));
        var kind = await api.ExpectAsync(HttpStatusCode.BadRequest, Applicant, HttpMethod.Post, Ratings, new { kind = "intermediary", subjectId = item, level = 2 });
        Assert.True(kind.GetProperty("errors").TryGetProperty("kind", out _));

        // The unit that handled it (CGJ) has the task; another department does not see it.
        var tasks = await api.ExpectAsync(HttpStatusCode.OK, Cgj, HttpMethod.Get, $"{Ratings}/tasks");
        Assert.Contains(tasks.EnumerateArray(), t => t.GetProperty("id").GetGuid() == rating && t.GetProperty("taskState").GetString() == "Open");
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.Department("ZJJ"), HttpMethod.Get, path);
        await api.ExpectAsync(HttpStatusCode.Conflict, Cgj, HttpMethod.Post, $"{path}/answer", new { answer = "未回访先答复" });

        await api.ExpectAsync(HttpStatusCode.OK, Cgj, HttpMethod.Post, $"{path}/call-back", new { note = "已电话回访申请人，情况属实", verified = true });
        var rectifying = await api.ExpectAsync(HttpStatusCode.OK, Cgj, HttpMethod.Post, $"{path}/rectification", new { measures = "统一窗口答复口径，一次性告知" });
        Assert.Equal("Rectifying", rectifying.GetProperty("taskState").GetString());
        Assert.True(rectifying.GetProperty("rectificationDeadline").GetDateTime() > DateTime.UtcNow.Date.AddDays(6), rectifying.ToString());
        var unanswered = await api.ExpectAsync(HttpStatusCode.BadRequest, Cgj, HttpMethod.Post, $"{path}/answer", new { answer = " ", result = "已整改" });
        Assert.Contains("答复", unanswered.GetProperty("errors").GetProperty("answer")[0].GetString());
        var answered = await api.ExpectAsync(HttpStatusCode.OK, Cgj, HttpMethod.Post, $"{path}/answer",
            new { answer = "已整改并向您致歉，欢迎监督", result = "已修订一次性告知单" });
        Assert.Equal(("Answered", "已答复"), (answered.GetProperty("taskState").GetString(), answered.GetProperty("taskStateName").GetString()));

        // The answer reaches the rater's inbox; the rater reads the rating with the answer (not the rater's account or the appeal).
        await SuiteApi.PollAsync(() => api.ExpectAsync(HttpStatusCode.OK, Applicant, HttpMethod.Get, "/api/notifications/inbox"),
            i => i.GetProperty("notices").EnumerateArray().Count(n => n.GetProperty("kind").GetString() == "supervision-rating-answer"
                && n.GetProperty("applicationId").GetGuid() == rating && n.GetProperty("body").GetString()!.Contains("已整改并向您致歉", StringComparison.Ordinal)) == 1,
            "the answer reaches the rater once", seconds: 60);
        var own = await api.ExpectAsync(HttpStatusCode.OK, Applicant, HttpMethod.Get, path);
        Assert.Equal(("已整改并向您致歉，欢迎监督", JsonValueKind.Null), (own.GetProperty("answer").GetString(), own.GetProperty("raterId").ValueKind));
        var mine = await api.ExpectAsync(HttpStatusCode.OK, Applicant, HttpMethod.Get, $"{Ratings}/mine");
        Assert.Contains(mine.EnumerateArray(), m => m.GetProperty("subjectId").GetGuid() == item && m.GetProperty("rating").GetProperty("level").GetInt32() == 5);

        // Statistics per department: the supervisor sees CGJ's bad rating.
        var statistics = await api.ExpectAsync(HttpStatusCode.OK, MatrixCase.Supervisor, HttpMethod.Get, $"{Ratings}/statistics?departmentCode=CGJ");
        var row = Assert.Single(statistics.EnumerateArray());
        Assert.True(row.GetProperty("bad").GetInt32() >= 1 && row.GetProperty("ratings").GetInt32() >= 1, row.ToString());
        await api.ExpectAsync(HttpStatusCode.Forbidden, Applicant, HttpMethod.Get, $"{Ratings}/statistics");

        // The unit appeals; a supervisor decides once.
        await api.ExpectAsync(HttpStatusCode.OK, Cgj, HttpMethod.Post, $"{path}/appeal", new { reason = "申请人已表示满意" });
        await api.ExpectAsync(HttpStatusCode.Conflict, Cgj, HttpMethod.Post, $"{path}/appeal", new { reason = "再次申诉" });
        var appeals = await api.ExpectAsync(HttpStatusCode.OK, MatrixCase.Supervisor, HttpMethod.Get, $"{Ratings}/appeals");
        Assert.Contains(appeals.EnumerateArray(), a => a.GetProperty("id").GetGuid() == rating);
        var decided = await api.ExpectAsync(HttpStatusCode.OK, MatrixCase.Supervisor, HttpMethod.Post, $"{path}/appeal/decision", new { upheld = false, note = "评价属实，申诉不成立" });
        Assert.True(decided.GetProperty("counts").GetBoolean());
        await api.ExpectAsync(HttpStatusCode.Conflict, MatrixCase.Supervisor, HttpMethod.Post, $"{path}/appeal/decision", new { upheld = true, note = "改判" });
    }

    [Fact]
    public async Task The_window_enters_one_counter_rating_per_visit()
    {
        var phase = await api.PhaseAsync(Applicant);
        var online = await api.ExpectAsync(HttpStatusCode.Created, Applicant, HttpMethod.Post, "/api/intake/applications", new
        {
            projectCode = phase.ProjectCode, engineeringCode = phase.EngineeringCode, projectName = "好差评网上申报", stageNo = 3,
            itemCodes = SuiteApi.SkeletonItems, form = SuiteApi.SkeletonForm,
        });
        var counter = await api.ExpectAsync(HttpStatusCode.Created, CounterWindow, HttpMethod.Post, "/api/intake/applications/counter", new
        {
            applicantId = online.GetProperty("applicantId").GetString(), applicantName = "评价测试建设公司", applicantMobile = (string?)null, channel = "counter",
            projectCode = phase.ProjectCode, engineeringCode = phase.EngineeringCode, projectName = "好差评窗口接件", stageNo = 3,
            itemCodes = SuiteApi.SkeletonItems, form = SuiteApi.SkeletonForm,
        });
        var visit = counter.GetProperty("id").GetGuid();

        // Supervision learns of the visit from ApplicationReceived: until then the visit is unknown (404).
        var body = new { applicationId = visit, level = 2, comment = "窗口服务热情" };
        Assert.Equal(HttpStatusCode.Created, await RateVisitOnceKnownAsync(body));
        await api.ExpectAsync(HttpStatusCode.Conflict, CounterWindow, HttpMethod.Post, $"{Ratings}/counter", body);
        await api.ExpectAsync(HttpStatusCode.Forbidden, Applicant, HttpMethod.Post, $"{Ratings}/counter", body);
        // An online application is no counter visit.
        Assert.Equal(HttpStatusCode.Conflict, await RateVisitOnceKnownAsync(new { applicationId = online.GetProperty("id").GetGuid(), level = 2 }));
        // The applicant sees the rating the window entered for them.
        var mine = await api.ExpectAsync(HttpStatusCode.OK, Applicant, HttpMethod.Get, $"{Ratings}/mine");
        Assert.Contains(mine.EnumerateArray(), m => m.GetProperty("subjectId").GetGuid() == visit && m.GetProperty("rating").GetProperty("channel").GetString() == "counter");
    }

    /// <summary>The window's counter rating, tried until Supervision has consumed the application's ApplicationReceived (404 before).</summary>
    private Task<HttpStatusCode> RateVisitOnceKnownAsync(object body) => SuiteApi.PollAsync(async () =>
    {
        using var r = await api.SendAsync(CounterWindow, HttpMethod.Post, $"{Ratings}/counter", body);
        return r.StatusCode;
    }, s => s != HttpStatusCode.NotFound, "Supervision knows the application", seconds: 60);
}
