using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>A real case through the gateway: the applicant's inbox and the SMS sink hold one notice per step, each sent once.</summary>
[Collection(SuiteCollection.Name)]
public sealed class NotificationsTests(SuiteFixture suite)
{
    private static readonly Actor Applicant = new("applicant-notices", "applicant", Name: "通知测试建设公司");
    private static readonly Actor Supervisor = new("supervisor-e2e", "supervisor", Name: "监察科赵六");
    private const string Mobile = "13912345678";
    private readonly SuiteApi api = new(suite.Gateway);

    private Task<JsonElement> InboxAsync(Actor actor) => api.ExpectAsync(HttpStatusCode.OK, actor, HttpMethod.Get, "/api/notifications/inbox");

    private static List<JsonElement> NoticesOf(JsonElement inbox, Guid application) =>
        inbox.GetProperty("notices").EnumerateArray().Where(n => n.GetProperty("applicationId").GetGuid() == application).ToList();

    private static bool AllSent(IEnumerable<JsonElement> notices) =>
        notices.All(n => n.GetProperty("deliveries").EnumerateArray().All(d => d.GetProperty("status").GetString() == "Sent"));

    [Fact]
    public async Task Accepting_concluding_the_items_and_the_stage_and_issuing_reach_the_applicant_once_each_by_inbox_and_sms()
    {
        await api.ExpectAsync(HttpStatusCode.OK, Applicant, HttpMethod.Put, "/api/notifications/contact", new { mobile = Mobile });
        var id = await api.SubmitAsync(Applicant, "通知测试项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        foreach (var department in new[] { "ZJJ", "CGJ" })
        {
            var item = await api.ItemRoutedToAsync(department, id);
            await api.ExpectAsync(HttpStatusCode.OK, Actor.Department(department), HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
            await api.ReviewPassedAsync(Applicant, item, department);
            await api.ExpectAsync(HttpStatusCode.OK, Actor.Department(department), HttpMethod.Post, $"/api/approvals/items/{item}/conclude",
                new { approved = true, opinion = "符合条件，准予许可" });
        }

        var inbox = await SuiteApi.PollAsync(() => InboxAsync(Applicant),
            i => NoticesOf(i, id) is var n && n.Count(x => x.GetProperty("kind").GetString() == "licence-issued") == 2
                && n.Any(x => x.GetProperty("kind").GetString() == "stage-concluded") && AllSent(n),
            "the accepted, concluded, stage and licence notices are in the inbox and sent", seconds: 60);
        var notices = NoticesOf(inbox, id);
        var kinds = notices.GroupBy(n => n.GetProperty("kind").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, kinds["accepted"]);
        Assert.Equal(2, kinds["concluded"]);
        Assert.Equal(2, kinds["licence-issued"]);
        Assert.Equal(1, kinds["stage-concluded"]); // the stage concluded once (milestone rule 1: the permit), one notice
        Assert.Contains(notices, n => n.GetProperty("body").GetString() == "您的“通知测试项目”第3阶段申请已办结（通过），可查看办理结果。");
        Assert.Contains(notices, n => n.GetProperty("body").GetString()!.Contains("“通知测试项目”申请已受理", StringComparison.Ordinal));
        Assert.Equal(notices.OrderByDescending(n => n.GetProperty("createdAt").GetDateTimeOffset()).Select(n => n.GetProperty("id").GetGuid()),
            notices.Select(n => n.GetProperty("id").GetGuid()));

        // One SMS per notice, to the number the applicant set, carrying the notice's text.
        var sms = await api.ExpectAsync(HttpStatusCode.OK, Supervisor, HttpMethod.Get, $"/api/notifications/sms-sink?mobile={Mobile}&applicationId={id}");
        Assert.Equal(notices.Count, sms.GetArrayLength());
        foreach (var notice in notices)
            Assert.Single(sms.EnumerateArray(), s => s.GetProperty("text").GetString() == $"【工程建设项目审批】{notice.GetProperty("body").GetString()}");
        var push = await api.ExpectAsync(HttpStatusCode.OK, Supervisor, HttpMethod.Get, $"/api/notifications/push-sink?applicationId={id}");
        Assert.Equal(notices.Count, push.GetArrayLength());

        await ReadingANoticeLowersTheUnreadCount(notices[0].GetProperty("id").GetGuid(), inbox.GetProperty("unread").GetInt32());
        await api.ExpectAsync(HttpStatusCode.Forbidden, Applicant, HttpMethod.Get, "/api/notifications/sms-sink");
    }

    private async Task ReadingANoticeLowersTheUnreadCount(Guid notice, int unread)
    {
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Post, $"/api/notifications/inbox/{notice}/read");
        var read = await api.ExpectAsync(HttpStatusCode.OK, Applicant, HttpMethod.Post, $"/api/notifications/inbox/{notice}/read");
        Assert.NotEqual(JsonValueKind.Null, read.GetProperty("readAt").ValueKind);
        Assert.Equal(unread - 1, (await InboxAsync(Applicant)).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task A_malformed_mobile_number_is_a_400()
    {
        var problem = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.OtherApplicant, HttpMethod.Put, "/api/notifications/contact", new { mobile = "12345" });
        Assert.Contains("手机号码", problem.GetProperty("errors").GetProperty("mobile")[0].GetString());
    }
}
