using System.Text;
using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>Issue 8 through the gateway: verification answers, seals and rotation, department-system issue, revocation, reuse, sealed materials.</summary>
[Collection(SuiteCollection.Name)]
public sealed class LicenceLibraryTests(SuiteFixture suite)
{
    private readonly SuiteApi api = new(suite.Gateway);
    private readonly LicenceApi licences = new(suite.Gateway);
    private readonly LicenceIssuing issuing = new(suite.Gateway);

    [Fact]
    public async Task Verifying_an_unknown_identifier_answers_unknown_and_a_malformed_one_names_the_check_character_rule()
    {
        const string neverIssued = "1.2.156.3005.2.11100000000001.11320193MB0001001K.20999999999.001";
        var unknown = await licences.VerifyAsync($"{neverIssued}.{Check(neverIssued)}");
        Assert.Equal(("unknown", false), (unknown.GetProperty("status").GetString(), unknown.GetProperty("verified").GetBoolean()));

        var wrongCheck = Check(neverIssued) == 'A' ? 'B' : 'A';
        using var response = await suite.Gateway.GetAsync($"/api/licences/verify/{neverIssued}.{wrongCheck}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("MOD 37,36", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_department_without_a_seal_cannot_issue_and_after_rotation_its_old_licences_still_verify()
    {
        // RFB's item yields no catalog certificate, so nothing provisions its seal but the region admin.
        var holder = new Actor($"rotation-{Guid.NewGuid():N}"[..24], "applicant", Name: $"印章轮换公司{Guid.NewGuid():N}"[..14]);
        var (_, first) = await issuing.AcceptedItemAsync(holder, LicenceIssuing.AirDefence, "RFB", "印章轮换项目一");
        var (_, second) = await issuing.AcceptedItemAsync(holder, LicenceIssuing.AirDefence, "RFB", "印章轮换项目二");
        await issuing.ConcludeAsync("RFB", first, commitment: true);
        await issuing.ConcludeAsync("RFB", second, commitment: true);
        var noSeal = await SuiteApi.PollAsync(async () =>
        {
            using var response = await api.SendAsync(Actor.Department("RFB"), HttpMethod.Post, "/api/licences", LicenceIssuing.Body(first));
            return await response.Content.ReadAsStringAsync();
        }, text => text.Contains("电子印章", StringComparison.Ordinal), "the issue is refused for want of a seal, not of the conclusion");
        Assert.Contains("POST /api/licences/seals", noSeal);

        var sealOne = await issuing.ProvisionSealAsync("RFB");
        var old = await issuing.IssueAsync(HttpStatusCode.Created, "RFB", LicenceIssuing.Body(first));
        var sealTwo = await issuing.ProvisionSealAsync("RFB");
        var fresh = await issuing.IssueAsync(HttpStatusCode.Created, "RFB", LicenceIssuing.Body(second));

        Assert.Equal(sealOne.GetProperty("sealId").GetGuid(), old.GetProperty("sealId").GetGuid());
        Assert.Equal(sealTwo.GetProperty("sealId").GetGuid(), fresh.GetProperty("sealId").GetGuid());
        foreach (var licence in new[] { old, fresh })
        {
            var verified = await licences.VerifyAsync(licence.GetProperty("identifier").GetString()!);
            Assert.True(verified.GetProperty("verified").GetBoolean(), verified.ToString());
        }
        var retired = await licences.AnonymousGetAsync($"/api/licences/seals/{sealOne.GetProperty("sealId").GetGuid()}");
        Assert.NotEqual(JsonValueKind.Null, retired.GetProperty("retiredAt").ValueKind);
        Assert.False(retired.TryGetProperty("encryptedPrivateKey", out _));
    }

    [Fact]
    public async Task A_revoked_licence_verifies_as_revoked_and_is_no_longer_offered_for_reuse()
    {
        var department = Actor.Department("ZJJ");
        var applicant = new Actor($"revoke-{Guid.NewGuid():N}"[..24], "applicant", Name: $"撤销测试公司{Guid.NewGuid():N}"[..14]);
        var (applicationId, item) = await issuing.AcceptedItemAsync(applicant, LicenceIssuing.FireDesign, "ZJJ", "撤销测试项目");
        await issuing.ConcludeAsync("ZJJ", item);
        await issuing.ProvisionSealAsync("ZJJ");
        var licence = await issuing.IssueAsync(HttpStatusCode.Created, "ZJJ", LicenceIssuing.Body(item));
        var identifier = licence.GetProperty("identifier").GetString()!;
        await SuiteApi.PollAsync(() => api.ProgressAsync(applicant, applicationId), p => p.GetProperty("licences").GetArrayLength() == 1,
            "Intake lists the issued licence");

        var reusable = await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, "/api/licences/reusable");
        Assert.Equal([identifier], reusable.EnumerateArray().Select(l => l.GetProperty("identifier").GetString()));

        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.Department("CGJ"), HttpMethod.Post, $"/api/licences/{identifier}/revoke", new { reason = "x" });
        await api.ExpectAsync(HttpStatusCode.BadRequest, department, HttpMethod.Post, $"/api/licences/{identifier}/revoke", new { reason = " " });
        var revoked = await api.ExpectAsync(HttpStatusCode.OK, department, HttpMethod.Post, $"/api/licences/{identifier}/revoke",
            new { reason = "以欺骗手段取得许可" });
        Assert.Equal(["issued", "revoked"], revoked.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("event").GetString()));
        await api.ExpectAsync(HttpStatusCode.Conflict, department, HttpMethod.Post, $"/api/licences/{identifier}/revoke", new { reason = "again" });

        var verified = await licences.VerifyAsync(identifier);
        Assert.Equal(("revoked", false), (verified.GetProperty("status").GetString(), verified.GetProperty("verified").GetBoolean()));
        Assert.Contains(verified.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("以欺骗手段取得许可", StringComparison.Ordinal));
        Assert.Equal(0, (await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, "/api/licences/reusable")).GetArrayLength());

        // LicenceRevoked reaches Intake: the application's progress shows the licence as revoked, with the reason.
        var progress = await SuiteApi.PollAsync(() => api.ProgressAsync(applicant, applicationId),
            p => p.GetProperty("licences")[0].GetProperty("revokedAt").ValueKind != JsonValueKind.Null, "Intake learns of the revocation");
        Assert.Equal("以欺骗手段取得许可", progress.GetProperty("licences")[0].GetProperty("revocationReason").GetString());

        // After the revocation the department may issue a corrected certificate for the same concluded item.
        var reissued = await issuing.IssueAsync(HttpStatusCode.Created, "ZJJ", LicenceIssuing.Body(item));
        Assert.NotEqual(identifier, reissued.GetProperty("identifier").GetString());
    }

    [Fact]
    public async Task A_licence_past_its_validity_verifies_as_expired_and_is_not_offered_for_reuse()
    {
        var department = Actor.Department("ZJJ");
        var applicant = new Actor($"expiry-{Guid.NewGuid():N}"[..24], "applicant", Name: $"过期测试公司{Guid.NewGuid():N}"[..14]);
        var (applicationId, item) = await issuing.AcceptedItemAsync(applicant, LicenceIssuing.FireDesign, "ZJJ", "过期测试项目");
        await issuing.ConcludeAsync("ZJJ", item);
        await issuing.ProvisionSealAsync("ZJJ");
        var licence = await issuing.IssueAsync(HttpStatusCode.Created, "ZJJ",
            LicenceIssuing.Body(item, DateTimeOffset.UtcNow.AddYears(-3), DateTimeOffset.UtcNow.AddDays(-1)));

        var verified = await licences.VerifyAsync(licence.GetProperty("identifier").GetString()!);
        Assert.Equal(("expired", false), (verified.GetProperty("status").GetString(), verified.GetProperty("verified").GetBoolean()));
        Assert.True(verified.GetProperty("proof").GetProperty("contentVerified").GetBoolean());
        var reusable = await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Get, $"/api/licences/reusable?holderId={Uri.EscapeDataString(applicant.User)}");
        Assert.Equal(0, reusable.GetArrayLength());

        // The expiry sweep records 过期 and LicenceExpired reaches Intake's progress view.
        await SuiteApi.PollAsync(() => api.ProgressAsync(applicant, applicationId),
            p => p.GetProperty("licences").GetArrayLength() == 1 && p.GetProperty("licences")[0].GetProperty("expiredAt").ValueKind != JsonValueKind.Null,
            "Intake learns of the expiry");
        var history = (await licences.AnonymousGetAsync($"/api/licences/{licence.GetProperty("identifier").GetString()}")).GetProperty("history");
        Assert.Equal(["issued", "expired"], history.EnumerateArray().Select(h => h.GetProperty("event").GetString()));

        var inverted = await api.ExpectAsync(HttpStatusCode.BadRequest, department, HttpMethod.Post, "/api/licences",
            new { typeCode = "bad code", validFrom = DateTimeOffset.UtcNow, validTo = DateTimeOffset.UtcNow.AddDays(-1) });
        foreach (var field in new[] { "typeCode", "validTo", "itemInstanceId", "licenceName" })
            Assert.True(inverted.GetProperty("errors").TryGetProperty(field, out _), $"{field} is named in {inverted}");
    }

    [Fact]
    public async Task A_material_sealed_by_a_department_verifies_and_an_altered_one_is_reported()
    {
        var department = Actor.Department("SWJ");
        await issuing.ProvisionSealAsync("SWJ");
        var material = Convert.ToBase64String(Encoding.UTF8.GetBytes("规划条件：容积率不大于2.0"));
        var signature = await api.ExpectAsync(HttpStatusCode.OK, department, HttpMethod.Post, "/api/licences/seals/sign", new { content = material });

        var body = new { content = material, signature = signature.GetProperty("signature").GetString(), sealId = signature.GetProperty("sealId").GetGuid() };
        var good = await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Post, "/api/licences/seals/verify", body);
        Assert.True(good.GetProperty("sealed").GetBoolean(), good.ToString());

        var altered = body with { content = Convert.ToBase64String(Encoding.UTF8.GetBytes("规划条件：容积率不大于3.0")) };
        var bad = await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Post, "/api/licences/seals/verify", altered);
        Assert.False(bad.GetProperty("sealed").GetBoolean());
        Assert.NotEqual(0, bad.GetProperty("problems").GetArrayLength());
    }

    // ISO 7064 MOD 37,36 over everything after the fixed prefix, without dots (GB/T 36904).
    private static char Check(string withoutCheck)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var p = 36;
        foreach (var c in withoutCheck["1.2.156.3005.2.".Length..].Replace(".", ""))
        {
            var s = (p + alphabet.IndexOf(c)) % 36;
            if (s == 0) s = 36;
            p = 2 * s % 37;
        }
        return alphabet[(37 - p) % 36];
    }
}
