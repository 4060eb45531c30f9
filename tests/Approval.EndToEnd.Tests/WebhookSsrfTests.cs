using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// Issue 13, finding 4 (webhook SSRF), through the gateway: a department system may register only a URL that reaches a
/// public address (the suite allows exactly 127.0.0.2/32, where its receivers listen); the dispatcher follows no
/// redirect, logs a short reason instead of the exception text, and one slow receiver does not hold up another department.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class WebhookSsrfTests(SuiteFixture suite)
{
    private readonly SuiteApi api = new(suite.Gateway);
    private const string Secret = "zjj-system-shared-secret-0001";

    public static TheoryData<string> InternalUrls => new()
    {
        "http://127.0.0.1:5432/",
        "http://127.0.0.1/hooks",
        "http://127.1/",
        "http://2130706433/",
        "http://0x7f000001/",
        "http://localhost/",
        "http://localhost:8080/hooks",
        "http://LOCALHOST./",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:7f00:1]:9/",
        "http://[::127.0.0.1]/",
        "http://[::]/",
        "http://0.0.0.0/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:169.254.169.254]/",
        "http://100.100.100.200/latest/meta-data/",
        "http://10.0.0.1/",
        "http://172.16.5.4/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
        "http://[fd00::1]/",
        "http://[fe80::1]/",
        "http://224.0.0.1/",
        "http://255.255.255.255/",
        "http://127.0.0.3/",
        "https://user:password@example.com/hooks",
        "file:///etc/passwd",
        "gopher://127.0.0.2:70/",
    };

    [Theory]
    [MemberData(nameof(InternalUrls))]
    public async Task An_internal_or_malformed_url_is_refused_at_registration_naming_url(string url)
    {
        var zjj = Actor.Department("ZJJ");
        var problem = await api.ExpectAsync(HttpStatusCode.BadRequest, zjj, HttpMethod.Put, "/api/approvals/departments/ZJJ/webhook", new { url, secret = Secret });
        var errors = problem.GetProperty("errors");
        Assert.Equal(["url"], errors.EnumerateObject().Select(p => p.Name));
        var message = errors.GetProperty("url")[0].GetString()!;
        Assert.Matches("[a-z]", message);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", message);
    }

    [Fact]
    public async Task The_allowed_receiver_network_is_accepted_but_nothing_beside_it()
    {
        var zjj = Actor.Department("ZJJ");
        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Put, "/api/approvals/departments/ZJJ/webhook", new { url = "http://127.0.0.2:9/hooks", secret = Secret });
        await api.ExpectAsync(HttpStatusCode.NoContent, zjj, HttpMethod.Delete, "/api/approvals/departments/ZJJ/webhook");
        await api.ExpectAsync(HttpStatusCode.BadRequest, zjj, HttpMethod.Put, "/api/approvals/departments/ZJJ/webhook", new { url = "http://127.0.0.1:9/hooks", secret = Secret });
        await api.ExpectAsync(HttpStatusCode.BadRequest, zjj, HttpMethod.Put, "/api/approvals/departments/ZJJ/webhook",
            new { url = "https://example.com/" + new string('a', 2001), secret = Secret });
    }

    [Fact]
    public async Task A_redirect_to_an_internal_address_is_not_followed_and_the_log_gives_a_short_reason()
    {
        // Whatever the redirect points at, a second request there must never come: the target is another receiver.
        await using var target = new WebhookReceiver(failures: 0);
        await using var redirecting = new WebhookReceiver((response, _) =>
        {
            response.RedirectLocation = target.Url;
            return Task.FromResult(307);
        });
        var zjj = Actor.Department("ZJJ");
        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Put, "/api/approvals/departments/ZJJ/webhook", new { url = redirecting.Url, secret = Secret });
        try
        {
            var id = await SubmitAcceptedAsync("320193-ZJ-SG-001", "推送重定向的项目");
            var delivery = (await SuiteApi.PollAsync(() => Task.FromResult(redirecting.Received.FirstOrDefault(r => r.Body.Contains(id.ToString()))),
                r => r.Headers is not null, "the redirecting receiver got the notice")).Headers["X-Approval-Delivery"];
            bool Ours(Guid d) => d.ToString() == delivery;
            var log = await SuiteApi.PollAsync(() => DeliveriesAsync("ZJJ"), l => Attempts(l, Ours).Count >= 2, "the redirecting receiver was tried twice");
            Assert.All(Attempts(log, Ours), a =>
            {
                Assert.Equal(307, a.GetProperty("statusCode").GetInt32());
                Assert.Equal("HTTP 307: redirect not followed", a.GetProperty("error").GetString());
            });
            Assert.True(redirecting.Received.Count >= 2);
            Assert.Empty(target.Received);
        }
        finally
        {
            await api.ExpectAsync(HttpStatusCode.NoContent, zjj, HttpMethod.Delete, "/api/approvals/departments/ZJJ/webhook");
        }
    }

    [Fact]
    public async Task A_closed_port_is_logged_as_unreachable_without_the_exception_text()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Parse(WebhookReceiver.Host), 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var zjj = Actor.Department("ZJJ");
        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Put, "/api/approvals/departments/ZJJ/webhook",
            new { url = $"http://{WebhookReceiver.Host}:{port}/hooks", secret = Secret });
        try
        {
            var before = await DeliveryIdsAsync("ZJJ");
            await SubmitAcceptedAsync("320193-ZJ-SG-001", "推送关闭端口的项目");
            bool Ours(Guid d) => !before.Contains(d);
            var log = await SuiteApi.PollAsync(() => DeliveriesAsync("ZJJ"), l => Attempts(l, Ours).Count >= 1, "the closed port was tried");
            var attempt = Attempts(log, Ours)[0];
            Assert.Equal(JsonValueKind.Null, attempt.GetProperty("statusCode").ValueKind);
            Assert.Equal("unreachable", attempt.GetProperty("error").GetString());
        }
        finally
        {
            await api.ExpectAsync(HttpStatusCode.NoContent, zjj, HttpMethod.Delete, "/api/approvals/departments/ZJJ/webhook");
        }
    }

    [Fact]
    public async Task A_slow_receiver_does_not_hold_up_another_departments_delivery()
    {
        // ZJJ's system takes every request and answers only when the test ends (beyond the 10 s request timeout).
        await using var slow = new WebhookReceiver(async (_, closing) =>
        {
            await Task.Delay(Timeout.Infinite, closing);
            return 200;
        });
        await using var fast = new WebhookReceiver(failures: 0);
        var zjj = Actor.Department("ZJJ");
        var cgj = Actor.Department("CGJ");
        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Put, "/api/approvals/departments/ZJJ/webhook", new { url = slow.Url, secret = Secret });
        await api.ExpectAsync(HttpStatusCode.OK, cgj, HttpMethod.Put, "/api/approvals/departments/CGJ/webhook", new { url = fast.Url, secret = Secret });
        try
        {
            await SubmitAcceptedAsync("320193-ZJ-SG-001", "推送慢接收方的项目");
            await SuiteApi.PollAsync(() => Task.FromResult(slow.Arrived), n => n >= 1, "ZJJ's slow system has a request in hand");

            var id = await SubmitAcceptedAsync("320193-CG-SG-001", "推送另一部门的项目");
            await api.ItemRoutedToAsync("CGJ", id);
            // Routed: CGJ's notice is queued. Well within the 10 s that ZJJ's call may take, it must have arrived.
            await SuiteApi.PollAsync(() => Task.FromResult(fast.Received.Count(r => r.Body.Contains(id.ToString()))), n => n >= 1,
                "CGJ's system received its notice while ZJJ's was still waiting", seconds: 5);
        }
        finally
        {
            await api.ExpectAsync(HttpStatusCode.NoContent, zjj, HttpMethod.Delete, "/api/approvals/departments/ZJJ/webhook");
            await api.ExpectAsync(HttpStatusCode.NoContent, cgj, HttpMethod.Delete, "/api/approvals/departments/CGJ/webhook");
        }
    }

    private async Task<Guid> SubmitAcceptedAsync(string itemCode, string projectName)
    {
        var created = await api.ExpectAsync(HttpStatusCode.Created, Actor.Applicant, HttpMethod.Post, "/api/intake/applications",
            new { projectCode = SuiteApi.ProjectCode, engineeringCode = SuiteApi.EngineeringCode, projectName, stageNo = 3, itemCodes = new[] { itemCode }, form = SuiteApi.SkeletonForm });
        var id = created.GetProperty("id").GetGuid();
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        return id;
    }

    private Task<JsonElement> DeliveriesAsync(string department) =>
        api.ExpectAsync(HttpStatusCode.OK, Actor.Department(department), HttpMethod.Get, $"/api/approvals/departments/{department}/webhook/deliveries");

    private async Task<HashSet<Guid>> DeliveryIdsAsync(string department) =>
        (await DeliveriesAsync(department)).EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToHashSet();

    /// <summary>The logged attempts of the deliveries chosen by id.</summary>
    private static List<JsonElement> Attempts(JsonElement log, Func<Guid, bool> which) =>
        [.. log.EnumerateArray().Where(d => which(d.GetProperty("id").GetGuid())).SelectMany(d => d.GetProperty("log").EnumerateArray())];
}
