namespace Approval.EndToEnd.Tests;

/// <summary>
/// The marketplace's objects of a matrix row: {agency} (ZJ01), {selection} (a random draw of the demo applicant, or a
/// lowest-quote round among ZJ01–ZJ03 for the rows that quote or close) and {commission} (a direct selection of ZJ01,
/// brought to the step before the row's: accepted for start, started for milestones and deliverables, delivered for end,
/// ended for rating).
/// </summary>
public sealed partial class MatrixCase
{
    public static readonly Actor RegionAdmin = new("e2e-region-admin", "region-admin", Name: "区域管理员");

    private async Task MarketplaceAsync(SuiteApi api, MatrixRow row)
    {
        var needs = Needs(row).ToHashSet();
        if (!needs.Overlaps(["agency", "selection", "commission"])) return;
        var agencies = await MarketplaceAgencies.EnsureAsync(api);
        values["agency"] = agencies["ZJ01"].ToString();
        if (!needs.Overlaps(["selection", "commission"])) return;
        var phase = await api.RegisterPhaseAsync((m, p, b) => Actor.Applicant.Request(m, p, b));
        if (needs.Contains("selection"))
        {
            var quoting = row.Path.EndsWith("/close", StringComparison.Ordinal) || row.Path.EndsWith("/quotes", StringComparison.Ordinal);
            object request = quoting
                ? new
                {
                    engineeringCode = phase.EngineeringCode, serviceType = MarketplaceAgencies.Eia, method = "lowest-quote",
                    invited = new[] { agencies["ZJ01"], agencies["ZJ02"], agencies["ZJ03"] }, quoteDeadline = DateTimeOffset.UtcNow.AddDays(1),
                }
                : new { engineeringCode = phase.EngineeringCode, serviceType = MarketplaceAgencies.Eia, method = "random-draw" };
            values["selection"] = (await MarketplaceAgencies.SelectAsync(api, Actor.Applicant, request)).GetProperty("id").GetString()!;
        }
        if (!needs.Contains("commission")) return;
        var direct = await MarketplaceAgencies.SelectAsync(api, Actor.Applicant,
            new { engineeringCode = phase.EngineeringCode, serviceType = MarketplaceAgencies.Eia, method = "direct", agencyId = agencies["ZJ01"] });
        var commission = direct.GetProperty("commissionId").GetString()!;
        values["commission"] = commission;
        var agency = MarketplaceAgencies.Staff[0];
        var steps = row.Path[(row.Path.LastIndexOf('/') + 1)..] switch
        {
            "start" => new[] { "accept" },
            "milestones" or "deliverables" => ["accept", "start"],
            "end" => ["accept", "start", "deliverables"],
            "rating" => ["accept", "start", "deliverables", "end"],
            _ => [],
        };
        foreach (var step in steps)
        {
            var body = step == "deliverables" ? MarketplaceTests.Report("矩阵成果") : new { };
            await api.ExpectAsync(step == "deliverables" ? HttpStatusCode.Created : HttpStatusCode.OK, agency, HttpMethod.Post,
                $"/api/marketplace/commissions/{commission}/{step}", body);
        }
    }
}
