using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// Issue 17 through the gateway: the applicant draws an agency at random among the qualified ones (an expired one left
/// out), the agency accepts, delivers a sealed report, the applicant rates it and attaches the report to a stage-1
/// application by its material id; the draw re-run from its record gives the same agency. Then the bad input.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class MarketplaceTests(SuiteFixture suite)
{
    private const string Api = "/api/marketplace";
    private readonly SuiteApi api = new(suite.Gateway);

    public static object Report(string text) => new { fileName = "可行性研究报告.pdf", content = Convert.ToBase64String(IntakeApi.Pdf(text)) };

    private static string Expected(string seed, IEnumerable<string> candidates)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed + "|" + string.Join(",", candidates)));
        var list = candidates.ToList();
        return list[(int)(new System.Numerics.BigInteger(hash, isUnsigned: true, isBigEndian: true) % list.Count)];
    }

    [Fact]
    public async Task A_random_draw_excludes_the_expired_agency_and_its_sealed_report_becomes_a_stage_one_material_without_upload()
    {
        var agencies = await MarketplaceAgencies.EnsureAsync(api);
        var applicant = IntakeApi.NewApplicant("中介选取建设公司");
        var phase = await api.PhaseAsync(applicant);

        // The public directory (no token) lists the verified agencies; ZJ04's qualification shows as not valid today.
        using var directory = await suite.Gateway.GetAsync($"{Api}/agencies?serviceType={MarketplaceAgencies.Feasibility}");
        var listed = JsonDocument.Parse(await directory.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, directory.StatusCode);
        var listedIds = listed.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        Assert.All(agencies.Values, id => Assert.Contains(id, listedIds));
        Assert.Equal("320193", listed.EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == agencies["ZJ01"]).GetProperty("serviceAreas")[0].GetString());
        Assert.False(listed.EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == agencies["ZJ04"])
            .GetProperty("qualifications")[0].GetProperty("validToday").GetBoolean());

        var draw = await MarketplaceAgencies.SelectAsync(api, applicant,
            new { engineeringCode = phase.EngineeringCode, serviceType = MarketplaceAgencies.Feasibility, method = "random-draw" });
        var candidates = draw.GetProperty("candidates").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.All(new[] { "ZJ01", "ZJ02", "ZJ03" }, org => Assert.Contains(agencies[org].ToString(), candidates));
        Assert.DoesNotContain(agencies["ZJ04"].ToString(), candidates);
        Assert.Contains(draw.GetProperty("excluded").EnumerateArray(), e => e.GetString() == "示范中介ZJ04: expired");
        var seed = draw.GetProperty("seed").GetString()!;
        var chosen = draw.GetProperty("chosenAgencyId").GetGuid();
        Assert.Equal(Expected(seed, candidates), chosen.ToString());
        var selection = draw.GetProperty("id").GetGuid();
        var commission = draw.GetProperty("commissionId").GetGuid();
        var agency = MarketplaceAgencies.StaffOf(chosen, agencies);
        var other = MarketplaceAgencies.Staff.First(s => s != agency && s != MarketplaceAgencies.Expired);

        // Another agency cannot answer, deliver or even see it; the chosen one accepts and works on the region's clock.
        var workbench = await api.ExpectAsync(HttpStatusCode.OK, agency, HttpMethod.Get, $"{Api}/commissions");
        Assert.Contains(workbench.EnumerateArray(), c => c.GetProperty("id").GetGuid() == commission && c.GetProperty("answerClock").GetProperty("state").GetString() is "正常" or "预警");
        Assert.DoesNotContain((await api.ExpectAsync(HttpStatusCode.OK, other, HttpMethod.Get, $"{Api}/commissions")).EnumerateArray(), c => c.GetProperty("id").GetGuid() == commission);
        Assert.Contains((await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, $"{Api}/commissions")).EnumerateArray(), c => c.GetProperty("id").GetGuid() == commission);
        await api.ExpectAsync(HttpStatusCode.NotFound, other, HttpMethod.Post, $"{Api}/commissions/{commission}/accept");
        var accepted = await Step(agency, commission, "accept");
        Assert.Equal("已接受", accepted.GetProperty("status").GetProperty("name").GetString());
        var started = await Step(agency, commission, "start");
        Assert.Equal(("服务中", "正常"), (started.GetProperty("status").GetProperty("name").GetString(), started.GetProperty("serviceClock").GetProperty("state").GetString()));
        await Step(agency, commission, "milestones", new { name = "初稿完成", note = "已与建设单位沟通" });
        await api.ExpectAsync(HttpStatusCode.NotFound, other, HttpMethod.Post, $"{Api}/commissions/{commission}/deliverables", Report("冒名成果"));
        var notPdf = await api.ExpectAsync(HttpStatusCode.BadRequest, agency, HttpMethod.Post, $"{Api}/commissions/{commission}/deliverables",
            new { fileName = "可行性研究报告.docx", content = Convert.ToBase64String("PK"u8.ToArray()) });
        Assert.Contains("PDF", notPdf.GetProperty("errors").GetProperty("content")[0].GetString());
        var pdf = IntakeApi.Pdf($"可行性研究报告 {Guid.NewGuid()}");
        var delivered = await api.ExpectAsync(HttpStatusCode.Created, agency, HttpMethod.Post, $"{Api}/commissions/{commission}/deliverables",
            new { fileName = "可行性研究报告.pdf", content = Convert.ToBase64String(pdf) });
        Assert.Equal("可行性研究报告", delivered.GetProperty("name").GetString());
        var verified = await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Post, "/api/licences/seals/verify", new
        {
            content = Convert.ToBase64String(pdf), signature = delivered.GetProperty("signature").GetString(), sealId = delivered.GetProperty("sealId").GetGuid(),
        });
        Assert.True(verified.GetProperty("sealed").GetBoolean(), verified.ToString());
        var ended = await Step(agency, commission, "end");
        Assert.True(ended.GetProperty("serviceClock").GetProperty("stopped").GetBoolean());

        // The applicant rates once (满意度 of DOMAIN.md); the public page shows it with the timeliness.
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Post, $"{Api}/commissions/{commission}/rating", new { satisfaction = 5 });
        var badRating = await api.ExpectAsync(HttpStatusCode.BadRequest, applicant, HttpMethod.Post, $"{Api}/commissions/{commission}/rating", new { satisfaction = 6 });
        Assert.Contains("非常满意", badRating.GetProperty("errors").GetProperty("satisfaction")[0].GetString());
        var rated = await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Post, $"{Api}/commissions/{commission}/rating", new { satisfaction = 1, comment = "按时交付" });
        Assert.Equal("非常满意", rated.GetProperty("satisfaction").GetProperty("name").GetString());
        await api.ExpectAsync(HttpStatusCode.Conflict, applicant, HttpMethod.Post, $"{Api}/commissions/{commission}/rating", new { satisfaction = 2 });
        using var pageResponse = await suite.Gateway.GetAsync($"{Api}/agencies/{chosen}");
        var record = JsonDocument.Parse(await pageResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("record");
        Assert.True(record.GetProperty("ended").GetInt32() >= 1 && record.GetProperty("onTime").GetInt32() >= 1, record.ToString());
        Assert.True(record.GetProperty("ratings").GetProperty("非常满意").GetInt32() >= 1, record.ToString());

        // Intake offers the report as the applicant's own material; the stage-1 application attaches it by id, no upload.
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var materials = await SuiteApi.PollAsync(() => api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, "/api/intake/materials"),
            list => list.EnumerateArray().Any(m => m.GetProperty("sha256").GetString() == sha), "the delivered report reaches the applicant's materials");
        var material = materials.EnumerateArray().Single(m => m.GetProperty("sha256").GetString() == sha);
        Assert.Equal(("可行性研究报告", phase.EngineeringCode), (material.GetProperty("deliveredName").GetString(), material.GetProperty("engineeringCode").GetString()));
        Assert.StartsWith("marketplace", material.GetProperty("source").GetString());
        var materialId = material.GetProperty("id").GetGuid();
        var application = await api.ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post, "/api/intake/applications", new
        {
            engineeringCode = phase.EngineeringCode, stageNo = 1, itemCodes = new[] { "320193-FG-LX-003" },
            form = new Dictionary<string, object> { ["建设单位"] = "中介选取建设公司", ["建设规模"] = "5万平方米", ["总投资（万元）"] = 52000 },
            materials = new[] { new { name = "可行性研究报告", materialId } },
        });
        var attached = await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, $"/api/intake/applications/{application.GetProperty("id").GetGuid()}/materials");
        Assert.Contains(attached.GetProperty("attached").EnumerateArray(), a => a.GetProperty("name").GetString() == "可行性研究报告" && a.GetProperty("sha256").GetString() == sha);

        // The draw re-run from its record gives the same agency, again and again.
        for (var i = 0; i < 2; i++)
        {
            var rerun = await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, $"{Api}/selections/{selection}/draw");
            Assert.Equal((chosen.ToString(), true), (rerun.GetProperty("recomputedAgencyId").GetString(), rerun.GetProperty("same").GetBoolean()));
        }
    }

    [Fact]
    public async Task Bad_selections_name_the_rule_and_a_draw_without_a_qualified_candidate_is_a_409()
    {
        var agencies = await MarketplaceAgencies.EnsureAsync(api);
        var applicant = IntakeApi.NewApplicant("中介错误选取公司");
        var phase = await api.PhaseAsync(applicant);
        object Direct(string type, string org) => new { engineeringCode = phase.EngineeringCode, serviceType = type, method = "direct", agencyId = agencies[org] };

        var expired = await api.ExpectAsync(HttpStatusCode.BadRequest, applicant, HttpMethod.Post, $"{Api}/selections", Direct(MarketplaceAgencies.Feasibility, "ZJ04"));
        Assert.Contains("expired", expired.GetProperty("errors").GetProperty("agencyId")[0].GetString());
        Assert.Contains("过期", expired.GetProperty("errors").GetProperty("agencyId")[0].GetString());
        var notCovering = await api.ExpectAsync(HttpStatusCode.BadRequest, applicant, HttpMethod.Post, $"{Api}/selections", Direct("soil-water-plan", "ZJ01"));
        Assert.Contains("not-covering", notCovering.GetProperty("errors").GetProperty("agencyId")[0].GetString());
        var none = await api.ExpectAsync(HttpStatusCode.Conflict, applicant, HttpMethod.Post, $"{Api}/selections",
            new { engineeringCode = phase.EngineeringCode, serviceType = "completion-survey", method = "random-draw" });
        Assert.Contains("没有符合条件", none.GetProperty("detail").GetString() + none.ToString());
        var bad = await api.ExpectAsync(HttpStatusCode.BadRequest, applicant, HttpMethod.Post, $"{Api}/selections", new { engineeringCode = phase.EngineeringCode, method = "lottery" });
        Assert.True(bad.GetProperty("errors").TryGetProperty("method", out _) && bad.GetProperty("errors").TryGetProperty("serviceType", out _), bad.ToString());
        // Someone else's project phase is not found.
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Post, $"{Api}/selections", Direct(MarketplaceAgencies.Feasibility, "ZJ01"));
    }

    [Fact]
    public async Task A_lowest_quote_round_takes_quotes_of_invited_agencies_until_the_deadline_and_keeps_the_losing_quotes()
    {
        var agencies = await MarketplaceAgencies.EnsureAsync(api);
        var applicant = IntakeApi.NewApplicant("中介竞价建设公司");
        var phase = await api.PhaseAsync(applicant);
        var invited = new[] { agencies["ZJ01"], agencies["ZJ02"], agencies["ZJ03"] };
        var two = await api.ExpectAsync(HttpStatusCode.BadRequest, applicant, HttpMethod.Post, $"{Api}/selections", new
        {
            engineeringCode = phase.EngineeringCode, serviceType = MarketplaceAgencies.Eia, method = "lowest-quote", invited = invited[..2], quoteDeadline = DateTimeOffset.UtcNow.AddDays(1),
        });
        Assert.Contains("3", two.GetProperty("errors").GetProperty("invited")[0].GetString());
        var round = await MarketplaceAgencies.SelectAsync(api, applicant, new
        {
            engineeringCode = phase.EngineeringCode, serviceType = MarketplaceAgencies.Eia, method = "lowest-quote", invited, quoteDeadline = DateTimeOffset.UtcNow.AddSeconds(20),
        });
        var id = round.GetProperty("id").GetGuid();
        Assert.Equal(JsonValueKind.Null, round.GetProperty("chosenAgencyId").ValueKind);
        await api.ExpectAsync(HttpStatusCode.NotFound, MarketplaceAgencies.Expired, HttpMethod.Post, $"{Api}/selections/{id}/quotes", new { amount = 100 });
        await api.ExpectAsync(HttpStatusCode.OK, MarketplaceAgencies.Staff[0], HttpMethod.Post, $"{Api}/selections/{id}/quotes", new { amount = 9000 });
        await api.ExpectAsync(HttpStatusCode.OK, MarketplaceAgencies.Staff[1], HttpMethod.Post, $"{Api}/selections/{id}/quotes", new { amount = 7000 });
        await api.ExpectAsync(HttpStatusCode.OK, MarketplaceAgencies.Staff[2], HttpMethod.Post, $"{Api}/selections/{id}/quotes", new { amount = 9500 });
        await api.ExpectAsync(HttpStatusCode.Conflict, applicant, HttpMethod.Post, $"{Api}/selections/{id}/close");
        // ZJ03 lowers its quote until the deadline passes: then 409, and its last quote in time stands.
        var late = await SuiteApi.PollAsync(async () =>
        {
            using var response = await api.SendAsync(MarketplaceAgencies.Staff[2], HttpMethod.Post, $"{Api}/selections/{id}/quotes", new { amount = 8000 });
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }, r => r.StatusCode != HttpStatusCode.OK, "the quote deadline passes", seconds: 60);
        Assert.True(late.StatusCode == HttpStatusCode.Conflict && late.Item2.Contains("截止"), late.ToString());
        var closed = await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Post, $"{Api}/selections/{id}/close");
        Assert.Equal(agencies["ZJ02"], closed.GetProperty("chosenAgencyId").GetGuid());
        Assert.Equal(3, closed.GetProperty("quotes").GetArrayLength());
        Assert.Single(closed.GetProperty("quotes").EnumerateArray(), q => q.GetProperty("won").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, closed.GetProperty("commissionId").ValueKind);
    }

    private Task<JsonElement> Step(Actor agency, Guid commission, string step, object? body = null) =>
        api.ExpectAsync(HttpStatusCode.OK, agency, HttpMethod.Post, $"{Api}/commissions/{commission}/{step}", body ?? new { });
}
