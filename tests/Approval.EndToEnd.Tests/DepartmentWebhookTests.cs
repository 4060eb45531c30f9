using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>R-7.12 (a): every item routed to a department with its own system is pushed there, signed, until it is received.</summary>
[Collection(SuiteCollection.Name)]
public sealed class DepartmentWebhookTests(SuiteFixture suite)
{
    private readonly SuiteApi api = new(suite.Gateway);
    private const string Secret = "cgj-system-shared-secret-0001";

    [Fact]
    public async Task A_receiver_that_fails_twice_gets_the_signed_notice_on_the_third_attempt_and_the_log_shows_all_three()
    {
        await using var receiver = new WebhookReceiver(failures: 2);
        var cgj = Actor.Department("CGJ");
        await api.ExpectAsync(HttpStatusCode.OK, cgj, HttpMethod.Put, "/api/approvals/departments/CGJ/webhook", new { url = receiver.Url, secret = Secret });
        try
        {
            var id = await api.SubmitAsync(Actor.Applicant, "推送部门系统的项目");
            await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
            var item = await api.ItemRoutedToAsync("CGJ", id);

            await SuiteApi.PollAsync(() => Task.FromResult(receiver.Received.Count), n => n >= 3, "the receiver answered 503, 503, then 200");
            var (headers, body, status) = receiver.Received.Last();
            Assert.Equal(200, status);
            Assert.Equal("item.routed", headers["X-Approval-Event"]);
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret),
                Encoding.UTF8.GetBytes($"{headers["X-Approval-Timestamp"]}.{body}")));
            Assert.Equal(expected, headers["X-Approval-Signature"]);
            var payload = JsonDocument.Parse(body).RootElement;
            Assert.Equal(item, payload.GetProperty("itemInstanceId").GetGuid());
            Assert.Equal("城市建筑垃圾处置核准", payload.GetProperty("itemName").GetString());
            Assert.Equal($"/api/intake/applications/{id}", payload.GetProperty("links").GetProperty("application").GetString());
            Assert.All(receiver.Received, r => Assert.Equal(headers["X-Approval-Delivery"], r.Headers["X-Approval-Delivery"]));

            bool IsThis(JsonElement d) => d.GetProperty("id").ToString() == headers["X-Approval-Delivery"];
            var log = await SuiteApi.PollAsync(
                () => api.ExpectAsync(HttpStatusCode.OK, cgj, HttpMethod.Get, "/api/approvals/departments/CGJ/webhook/deliveries"),
                l => l.EnumerateArray().Any(d => IsThis(d) && d.GetProperty("deliveredAt").ValueKind == JsonValueKind.String), "the delivery is logged as delivered");
            // This case's own delivery (CGJ also gets the notices of other tests' cases, each with its own log).
            var delivery = log.EnumerateArray().Single(IsThis);
            Assert.Equal([503, 503, 200], delivery.GetProperty("log").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
        }
        finally
        {
            await api.ExpectAsync(HttpStatusCode.NoContent, cgj, HttpMethod.Delete, "/api/approvals/departments/CGJ/webhook");
        }
    }

    [Fact]
    public async Task A_bad_registration_names_each_field_and_another_department_cannot_see_it()
    {
        var problem = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Department("ZJJ"), HttpMethod.Put,
            "/api/approvals/departments/ZJJ/webhook", new { url = "ftp://example", secret = "short" });
        Assert.Equal(["secret", "url"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.Department("CGJ"), HttpMethod.Put, "/api/approvals/departments/ZJJ/webhook",
            new { url = "http://127.0.0.1:9/", secret = "0123456789abcdef" });
    }
}
