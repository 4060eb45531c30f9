using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// Issues 16–18, the organisations' own systems through the gateway: a review agency's, a utility's and an intermediary's system sign in
/// with client credentials (their own client, their own secret, their own role and organisation), act with Idempotency-Key
/// (a replay answers the first answer and changes nothing), receive a signed webhook on commission / application / commission offered, and
/// the applicant is told of each step.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class OrganisationSystemsTests(SuiteFixture suite)
{
    private const string SharedSecret = "agency-system-shared-secret-01";
    private static readonly Actor Supervisor = new("supervisor-systems", "supervisor", Name: "监察科");
    private readonly SuiteApi api = new(suite.Gateway);
    private readonly ReviewFlow reviews = new(suite.Gateway);

    private static async Task<(Dictionary<string, string> Headers, JsonElement Payload)> ArrivedAsync(WebhookReceiver receiver, string eventType, Func<JsonElement, bool> about)
    {
        var (headers, body, _) = await SuiteApi.PollAsync(
            () => Task.FromResult(receiver.Received.FirstOrDefault(r => r.Headers.GetValueOrDefault("X-Approval-Event") == eventType
                && about(JsonDocument.Parse(r.Body).RootElement.GetProperty("data")))),
            r => r.Body is not null, $"the {eventType} webhook arrives");
        Assert.Equal(OrganisationSystem.Signature(SharedSecret, headers["X-Approval-Timestamp"], body), headers["X-Approval-Signature"]);
        return (headers, JsonDocument.Parse(body).RootElement.Clone());
    }

    private Task<JsonElement> NoticesAsync(Actor applicant, Guid about, params string[] kinds) =>
        SuiteApi.PollAsync(() => api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, "/api/notifications/inbox"),
            i => kinds.All(k => i.GetProperty("notices").EnumerateArray().Any(n => n.GetProperty("applicationId").GetGuid() == about && n.GetProperty("kind").GetString() == k)),
            $"the applicant is told {string.Join(", ", kinds)}");

    [Fact]
    public async Task An_agency_system_gets_the_signed_commission_and_starts_and_concludes_once_per_key_another_agency_gets_404()
    {
        var agency = await OrganisationSystem.RotatedAsync(suite.Gateway, "review-TSZX-system");
        var claims = await agency.ClaimsAsync();
        Assert.Equal(("TSZX", "review-agency"), (claims.GetProperty("org").GetString(), claims.GetProperty("role").GetString()));
        await using var receiver = new WebhookReceiver(failures: 0);
        var hook = "/api/reviews/agencies/TSZX/webhook";
        Assert.Equal(HttpStatusCode.OK, (await agency.CallAsync(HttpMethod.Put, hook, new { url = receiver.Url, secret = SharedSecret }, null)).Status);
        try
        {
            var applicant = IntakeApi.NewApplicant("系统对接建设有限公司");
            var phase = await api.PhaseAsync(applicant);
            await reviews.EnsureAgencySealAsync();
            var id = await reviews.CommissionAsync(applicant, phase);
            var (_, payload) = await ArrivedAsync(receiver, "review.commissioned", d => d.GetProperty("reviewId").GetGuid() == id);
            Assert.Equal(($"/api/reviews/{id}", "TSZX"), (payload.GetProperty("links").GetProperty("review").GetString(), payload.GetProperty("data").GetProperty("agencyCode").GetString()));

            // Another review agency's own system (a new organisation: its client exists, its secret comes from the admin's rotation).
            var other = $"SYS{Guid.NewGuid():N}"[..9].ToUpperInvariant();
            using (var created = await suite.Gateway.SendAsync(Accounts.Bearer(HttpMethod.Post, "/api/identity/organisations", await ActorTokens.AdminTokenAsync(),
                new { code = other, name = "另一审查机构", kind = "review-agency", creditCode = Accounts.NewCreditCode() })))
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var intruder = await OrganisationSystem.RotatedAsync(suite.Gateway, $"review-{other}-system");
            Assert.Equal(HttpStatusCode.NotFound, (await intruder.CallAsync(HttpMethod.Post, $"/api/reviews/{id}/start", new { }, "intruder-1")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await intruder.CallAsync(HttpMethod.Get, "/api/reviews/agencies/TSZX/webhook/deliveries", null, null)).Status);

            var key = $"start-{id}";
            var (status, first, replayed) = await agency.CallAsync(HttpMethod.Post, $"/api/reviews/{id}/start", new { }, key);
            Assert.True(status == HttpStatusCode.OK && !replayed, $"{(int)status} {first}");
            var again = await agency.CallAsync(HttpMethod.Post, $"/api/reviews/{id}/start", new { }, key);
            Assert.Equal((HttpStatusCode.OK, true, first.ToString()), (again.Status, again.Replayed, again.Body.ToString()));
            // The replay changed nothing: a new start (new key) is refused as the review already runs; the key on another step is 422.
            Assert.Equal(HttpStatusCode.Conflict, (await agency.CallAsync(HttpMethod.Post, $"/api/reviews/{id}/start", new { }, $"{key}-2")).Status);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await agency.CallAsync(HttpMethod.Post, $"/api/reviews/{id}/conclude", ReviewFlow.Conclusion(), key)).Status);

            var conclusion = ReviewFlow.Conclusion();
            var concluded = await agency.CallAsync(HttpMethod.Post, $"/api/reviews/{id}/conclude", conclusion, $"conclude-{id}");
            Assert.True(concluded.Status == HttpStatusCode.OK, $"{(int)concluded.Status} {concluded.Body}");
            var replay = await agency.CallAsync(HttpMethod.Post, $"/api/reviews/{id}/conclude", conclusion, $"conclude-{id}");
            Assert.Equal((true, concluded.Body.ToString()), (replay.Replayed, replay.Body.ToString()));
            var audit = await api.ExpectAsync(HttpStatusCode.OK, Supervisor, HttpMethod.Get, $"/api/reviews/audit?objectId={id}&take=50");
            Assert.Single(audit.EnumerateArray(), a => a.GetProperty("outcome").GetString()!.StartsWith("办结", StringComparison.Ordinal));

            await NoticesAsync(applicant, id, "review-started", "review-concluded");
        }
        finally
        {
            await agency.CallAsync(HttpMethod.Delete, hook, null, null);
        }
    }

    [Fact]
    public async Task A_utility_system_gets_the_signed_application_and_surveys_once_per_key_and_one_secret_opens_no_other_client()
    {
        var water = await OrganisationSystem.RotatedAsync(suite.Gateway, "utility-GSGS-system");
        var claims = await water.ClaimsAsync();
        Assert.Equal(("GSGS", "utility"), (claims.GetProperty("org").GetString(), claims.GetProperty("role").GetString()));
        var secret = await RotatedSecretAsync("utility-GDGS-system");
        foreach (var other in new[] { "utility-GSGS-system", "dept-GDGS-system", "review-TSZX-system" })
        {
            using var refused = await suite.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = other, ["client_secret"] = secret,
            }));
            Assert.True(refused.StatusCode != HttpStatusCode.OK, $"GDGS's utility secret opened {other}");
        }

        await using var receiver = new WebhookReceiver(failures: 0);
        var hook = "/api/utilities/providers/GSGS/webhook";
        Assert.Equal(HttpStatusCode.OK, (await water.CallAsync(HttpMethod.Put, hook, new { url = receiver.Url, secret = SharedSecret }, null)).Status);
        try
        {
            var applicant = IntakeApi.NewApplicant("报装对接建设有限公司");
            var phase = await api.PhaseAsync(applicant);
            var application = await api.ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post, "/api/utilities/applications", new
            {
                engineeringCode = phase.EngineeringCode, address = "示范区科创大道9号",
                requests = new object[] { new { utilityCode = "GSGS", serviceType = "water", requestType = "新装", demand = "DN50" } },
            });
            var request = application.GetProperty("requests").EnumerateArray().Single().GetProperty("id").GetGuid();
            var (_, payload) = await ArrivedAsync(receiver, "utility.applied", d => d.GetProperty("requestId").GetGuid() == request);
            Assert.Equal($"/api/utilities/requests/{request}", payload.GetProperty("links").GetProperty("request").GetString());

            var survey = new { connectionPlan = "DN50接入科创大道市政给水管", fee = 0, result = "已现场勘查" };
            var first = await water.CallAsync(HttpMethod.Post, $"/api/utilities/requests/{request}/survey", survey, $"survey-{request}");
            Assert.True(first.Status == HttpStatusCode.OK && !first.Replayed, $"{(int)first.Status} {first.Body}");
            var again = await water.CallAsync(HttpMethod.Post, $"/api/utilities/requests/{request}/survey", survey, $"survey-{request}");
            Assert.Equal((HttpStatusCode.OK, true, first.Body.ToString()), (again.Status, again.Replayed, again.Body.ToString()));
            Assert.Equal(2, first.Body.GetProperty("currentStepNo").GetInt32());
            Assert.Equal(HttpStatusCode.UnprocessableEntity,
                (await water.CallAsync(HttpMethod.Post, $"/api/utilities/requests/{request}/survey", new { connectionPlan = "另一方案", fee = 1 }, $"survey-{request}")).Status);

            // The power utility's system is told nothing about it and may not act on it.
            var power = new OrganisationSystem(suite.Gateway, "utility-GDGS-system", secret);
            Assert.Equal(HttpStatusCode.NotFound, (await power.CallAsync(HttpMethod.Post, $"/api/utilities/requests/{request}/connect", new { result = "越权" }, "x-1")).Status);

            await NoticesAsync(applicant, request, "utility-step");
        }
        finally
        {
            await water.CallAsync(HttpMethod.Delete, hook, null, null);
        }
    }

    [Fact]
    public async Task An_intermediary_system_gets_the_signed_commission_and_accepts_and_delivers_once_per_key()
    {
        var agencies = await MarketplaceAgencies.EnsureAsync(api);
        var zj01 = await OrganisationSystem.RotatedAsync(suite.Gateway, "agency-ZJ01-system");
        Assert.Equal("intermediary", (await zj01.ClaimsAsync()).GetProperty("role").GetString());
        await using var receiver = new WebhookReceiver(failures: 0);
        var hook = "/api/marketplace/intermediaries/ZJ01/webhook";
        Assert.Equal(HttpStatusCode.OK, (await zj01.CallAsync(HttpMethod.Put, hook, new { url = receiver.Url, secret = SharedSecret }, null)).Status);
        try
        {
            var applicant = IntakeApi.NewApplicant("中介对接建设有限公司");
            var phase = await api.PhaseAsync(applicant);
            var direct = await MarketplaceAgencies.SelectAsync(api, applicant,
                new { engineeringCode = phase.EngineeringCode, serviceType = MarketplaceAgencies.Eia, method = "direct", agencyId = agencies["ZJ01"] });
            var commission = direct.GetProperty("commissionId").GetGuid();
            var (_, payload) = await ArrivedAsync(receiver, "commission.offered", d => d.GetProperty("commissionId").GetGuid() == commission);
            Assert.Equal($"/api/marketplace/commissions/{commission}/accept", payload.GetProperty("links").GetProperty("accept").GetString());

            var path = $"/api/marketplace/commissions/{commission}";
            var accepted = await zj01.CallAsync(HttpMethod.Post, $"{path}/accept", null, $"accept-{commission}");
            Assert.True(accepted.Status == HttpStatusCode.OK, $"{(int)accepted.Status} {accepted.Body}");
            var again = await zj01.CallAsync(HttpMethod.Post, $"{path}/accept", null, $"accept-{commission}");
            Assert.Equal((HttpStatusCode.OK, true, accepted.Body.ToString()), (again.Status, again.Replayed, again.Body.ToString()));
            Assert.Equal(HttpStatusCode.OK, (await zj01.CallAsync(HttpMethod.Post, $"{path}/start", null, $"start-{commission}")).Status);
            var report = MarketplaceTests.Report("环境影响报告表");
            var delivered = await zj01.CallAsync(HttpMethod.Post, $"{path}/deliverables", report, $"deliver-{commission}");
            Assert.True(delivered.Status == HttpStatusCode.Created, $"{(int)delivered.Status} {delivered.Body}");
            var replay = await zj01.CallAsync(HttpMethod.Post, $"{path}/deliverables", report, $"deliver-{commission}");
            Assert.Equal((HttpStatusCode.Created, true, delivered.Body.ToString()), (replay.Status, replay.Replayed, replay.Body.ToString()));
            var read = await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, path);
            Assert.Single(read.GetProperty("deliverables").EnumerateArray());

            await NoticesAsync(applicant, commission, "commission-accepted", "deliverable-delivered");
        }
        finally
        {
            await zj01.CallAsync(HttpMethod.Delete, hook, null, null);
        }
    }

    private async Task<string> RotatedSecretAsync(string clientId)
    {
        using var response = await suite.Gateway.SendAsync(Accounts.Bearer(HttpMethod.Post, $"/api/identity/clients/{clientId}/secret", await ActorTokens.AdminTokenAsync()));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString()!;
    }
}
