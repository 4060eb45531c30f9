using System.Collections.Concurrent;
using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// The marketplace's agencies of a run, registered once through the gateway by staff (role intermediary) of the pack's
/// intermediaries: ZJ01–ZJ03 hold valid qualifications for 可行性研究报告编制 and 环境影响报告表编制 and have e-seals;
/// ZJ04's qualification expired yesterday. The region admin verifies all four — the expiry is caught at selection time.
/// </summary>
public static class MarketplaceAgencies
{
    public const string Feasibility = "feasibility-report", Eia = "eia-report";
    public static readonly Actor[] Staff = new[] { "ZJ01", "ZJ02", "ZJ03", "ZJ04" }.Select(org => new Actor($"e2e-agency-{org}", "intermediary", org, $"{org}经办人")).ToArray();
    public static Actor Expired => Staff[3];
    public static readonly Actor OtherRegionAgency = Actor.OfRegion(AccessMatrixRows.OtherRegion, "intermediary", "ZJ01");

    private static readonly ConcurrentDictionary<string, Lazy<Task<Dictionary<string, Guid>>>> Runs = new();

    /// <summary>Agency id by organisation code (ZJ01–ZJ04), registered, verified and with services published once per suite.</summary>
    public static Task<Dictionary<string, Guid>> EnsureAsync(SuiteApi api) =>
        Runs.GetOrAdd(api.Gateway.BaseAddress!.ToString(), _ => new(() => RegisterAsync(api))).Value;

    public static Actor StaffOf(Guid agencyId, Dictionary<string, Guid> agencies) => Staff.Single(s => agencies[s.Org!] == agencyId);

    public static object Profile(string org, DateOnly validFrom, DateOnly validTo) => new
    {
        name = $"示范中介{org}", creditCode = Accounts.NewCreditCode(), contact = "0512-60009000", staffCount = 25, feeMin = 5000m, feeMax = 200000m,
        serviceTypes = new[] { Feasibility, Eia }, serviceAreas = new[] { "320193" },
        qualifications = new[]
        {
            new { type = "工程咨询单位资信", level = "甲级", authority = "江苏省发展和改革委员会", number = $"ZX-{org}-2026", validFrom, validTo, covers = new[] { Feasibility, Eia } },
        },
    };

    private static async Task<Dictionary<string, Guid>> RegisterAsync(SuiteApi api)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var licences = new LicenceIssuing(api.Gateway);
        var ids = new Dictionary<string, Guid>();
        foreach (var staff in Staff)
        {
            var expired = staff == Expired;
            var agency = await api.ExpectAsync(HttpStatusCode.OK, staff, HttpMethod.Put, "/api/marketplace/agency",
                Profile(staff.Org!, today.AddYears(-3), expired ? today.AddDays(-1) : today.AddYears(2)));
            Assert.Equal("待审核", agency.GetProperty("status").GetProperty("name").GetString());
            var id = agency.GetProperty("id").GetGuid();
            await licences.AdminPostAsync(HttpStatusCode.OK, $"/api/marketplace/agencies/{id}/review", new { verified = true });
            foreach (var type in new[] { Feasibility, Eia })
                await api.ExpectAsync(HttpStatusCode.OK, staff, HttpMethod.Put, "/api/marketplace/agency/services",
                    new { serviceType = type, guide = "受托后现场踏勘、编制并提交成果", deliverables = "盖章的PDF成果文件", feeBasis = "市场调节价，按合同约定", workingDays = 10 });
            if (!expired) await licences.ProvisionSealAsync(staff.Org!);
            ids[staff.Org!] = id;
        }
        return ids;
    }

    /// <summary>The applicant's selection for a fresh project phase of theirs; the answer (a selection record).</summary>
    public static async Task<JsonElement> SelectAsync(SuiteApi api, Actor applicant, object request) =>
        await api.ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post, "/api/marketplace/selections", request);
}
