using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// 审管联动 through the gateway (issue 19, R-12.2): a supervising department's system (reg-ZJJ-system, client credentials)
/// registers its webhook and receives each approval result signed; it files an inspection record with Idempotency-Key (a
/// replay files nothing twice); the record appears on the project's timeline for the project's applicant, who is told.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class RegulatorTests(SuiteFixture suite)
{
    private const string SharedSecret = "regulator-system-secret-01";
    private static readonly Actor Applicant = new("applicant-regulated", "applicant", Name: "监管测试建设公司");
    private readonly SuiteApi api = new(suite.Gateway);

    [Fact]
    public async Task A_regulator_gets_the_signed_result_and_its_inspection_record_appears_once_on_the_project_timeline()
    {
        var regulator = await OrganisationSystem.RotatedAsync(suite.Gateway, "reg-ZJJ-system");
        var claims = await regulator.ClaimsAsync();
        Assert.Equal(("ZJJ", "regulator"), (claims.GetProperty("org").GetString(), claims.GetProperty("role").GetString()));
        await using var receiver = new WebhookReceiver(failures: 0);
        const string hook = "/api/supervision/regulators/ZJJ/webhook";
        Assert.Equal(HttpStatusCode.OK, (await regulator.CallAsync(HttpMethod.Put, hook, new { url = receiver.Url, secret = SharedSecret }, null)).Status);
        try
        {
            var id = await api.SubmitAsync(Applicant, "监管联动测试项目");
            var project = (await api.PhaseAsync(Applicant)).ProjectCode;
            await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
            var cgj = await api.ItemRoutedToAsync("CGJ", id);
            await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("CGJ"), HttpMethod.Post, $"/api/approvals/items/{cgj}/start", new { });
            await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("CGJ"), HttpMethod.Post, $"/api/approvals/items/{cgj}/conclude",
                new { approved = true, opinion = "准予许可" });

            // The result arrives signed with the regulator's secret, naming the project's timeline.
            var (headers, body, _) = await SuiteApi.PollAsync(
                () => Task.FromResult(receiver.Received.FirstOrDefault(r => r.Headers.GetValueOrDefault("X-Approval-Event") == "approval.result"
                    && JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("itemInstanceId").GetString() == cgj.ToString())),
                r => r.Body is not null, "the approval result reaches the regulator's system", seconds: 60);
            Assert.Equal(OrganisationSystem.Signature(SharedSecret, headers["X-Approval-Timestamp"], body), headers["X-Approval-Signature"]);
            var payload = JsonDocument.Parse(body).RootElement;
            Assert.Equal((project, true), (payload.GetProperty("data").GetProperty("projectCode").GetString(), payload.GetProperty("data").GetProperty("approved").GetBoolean()));
            Assert.Equal($"/api/supervision/projects/{project}/timeline", payload.GetProperty("links").GetProperty("timeline").GetString());

            // The inspection record, sent twice with one key (a retry): one record, the same answer.
            var records = $"/api/supervision/projects/{project}/records";
            var inspection = new { kind = "inspection", title = "施工现场质量安全检查", summary = "现场检查未发现问题。", occurredOn = "2026-10-09", documentNo = "质监检〔2026〕18号", itemInstanceId = cgj };
            var first = await regulator.CallAsync(HttpMethod.Post, records, inspection, $"inspection-{project}");
            var again = await regulator.CallAsync(HttpMethod.Post, records, inspection, $"inspection-{project}");
            Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, false, true), (first.Status, again.Status, first.Replayed, again.Replayed));
            var recordId = first.Body.GetProperty("id").GetGuid();
            Assert.Equal(recordId, again.Body.GetProperty("id").GetGuid());

            // On the timeline once, for the project's applicant (who is told) and the region's supervisor; another applicant: 404.
            var timeline = await api.ExpectAsync(HttpStatusCode.OK, Applicant, HttpMethod.Get, $"/api/supervision/projects/{project}/timeline");
            var entry = Assert.Single(timeline.GetProperty("entries").EnumerateArray(), e => e.GetProperty("kind").GetString() == "regulator-record");
            Assert.Equal(("监督检查：施工现场质量安全检查", recordId), (entry.GetProperty("title").GetString(), entry.GetProperty("recordId").GetGuid()));
            Assert.Contains(timeline.GetProperty("entries").EnumerateArray(), e => e.GetProperty("kind").GetString() == "item-concluded");
            Assert.Equal("示范区住房和城乡建设局", Assert.Single(timeline.GetProperty("records").EnumerateArray()).GetProperty("regulatorName").GetString());
            await api.ExpectAsync(HttpStatusCode.OK, MatrixCase.Supervisor, HttpMethod.Get, $"/api/supervision/projects/{project}/timeline");
            await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Get, $"/api/supervision/projects/{project}/timeline");
            await SuiteApi.PollAsync(() => api.ExpectAsync(HttpStatusCode.OK, Applicant, HttpMethod.Get, "/api/notifications/inbox"),
                i => i.GetProperty("notices").EnumerateArray().Count(n => n.GetProperty("kind").GetString() == "regulator-record"
                    && n.GetProperty("applicationId").GetGuid() == recordId) == 1, "the applicant is told of the record once", seconds: 60);

            // Bad input and the wrong callers.
            var bad = await regulator.CallAsync(HttpMethod.Post, records, new { kind = "visit", title = "", summary = "x", occurredOn = "2099-01-01" }, null);
            Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
            foreach (var field in new[] { "kind", "title", "occurredOn" }) Assert.True(bad.Body.GetProperty("errors").TryGetProperty(field, out _), field);
            var otherItem = await regulator.CallAsync(HttpMethod.Post, records, new { inspection.kind, inspection.title, inspection.summary, inspection.occurredOn, itemInstanceId = Guid.NewGuid() }, null);
            Assert.True(otherItem.Body.GetProperty("errors").TryGetProperty("itemInstanceId", out _), "an item of no project of this one");
            Assert.Equal(HttpStatusCode.NotFound, (await regulator.CallAsync(HttpMethod.Post, "/api/supervision/projects/2509-320193-89-01-000000/records", inspection, null)).Status);
            await api.ExpectAsync(HttpStatusCode.Forbidden, Actor.Department("ZJJ"), HttpMethod.Post, records, inspection);
        }
        finally
        {
            await regulator.CallAsync(HttpMethod.Delete, hook, null, null);
        }
    }
}
