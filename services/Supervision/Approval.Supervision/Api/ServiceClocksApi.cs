using Approval.Calendar;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Microsoft.Extensions.Options;

namespace Approval.Supervision.Api;

/// <summary>One provider's services of a kind in a period: opened, ended, overdue, average working days used and paused.</summary>
public sealed record ServiceFigureDto(string Kind, string Provider, string Name, int Opened, int Ended, int Overdue, double AverageWorkingDays,
    int PausedWorkingDays);

/// <summary>
/// The clocks outside the departments' items: technical reviews, utility requests and intermediary commissions, per
/// provider, for the region's supervisors and administrators (a department lead → 403: these are not a department's).
/// </summary>
public static class ServiceClocksApi
{
    public static void Map(RouteGroupBuilder read) =>
        read.MapGet("/services", Services)
            .WithSummary("Reviews, utility requests and intermediary commissions per provider / 技术审查、报装、中介服务时限统计");

    private static async Task<Ok<List<ServiceFigureDto>>> Services(string? kind, DateOnly? from, DateOnly? to, ClaimsPrincipal user,
        SupervisionDbContext db, SupervisionToday today, IOptions<SupervisionOptions> options, CancellationToken ct)
    {
        var scope = SupervisionScope.Of(user);
        if (scope.DepartmentCode is not null)
            throw new RequestRefusedException(403, "Forbidden / 无权访问", "Only supervisors and region administrators see these figures.", "仅督查人员和区域管理员可查看。");
        new FieldErrors().Require(kind is null or ServiceClock.Review or ServiceClock.Utility or ServiceClock.Intermediary, "kind",
            "must be review, utility or intermediary", "须为 review、utility 或 intermediary").ThrowIfAny();
        var f = FigureFilter.Of(new FigureQuery(null, from, to, null, null, null, null, null), scope, today.Date, options.Value.MaxPeriodDays);
        var clocks = db.Set<ServiceClock>().AsNoTracking().Where(c => c.RegionCode == f.RegionCode && c.OpenedDate >= f.From && c.OpenedDate <= f.To);
        if (kind is not null) clocks = clocks.Where(c => c.Kind == kind);
        // Project the scalar columns first: grouping the entity itself (it owns its pauses as JSON) does not translate.
        var rows = await clocks.Select(c => new { c.Kind, c.Provider, c.Name, c.EndedAt, c.State, c.UsedWorkingDays, c.PausedWorkingDays })
            .GroupBy(c => new { c.Kind, c.Provider }).Select(g => new ServiceFigureDto(
            g.Key.Kind, g.Key.Provider, g.Max(c => c.Name) ?? "", g.Count(), g.Count(c => c.EndedAt != null), g.Count(c => c.State == ClockState.Overdue),
            g.Average(c => c.EndedAt != null ? (double?)c.UsedWorkingDays : null) ?? 0, g.Sum(c => c.PausedWorkingDays)))
            .ToListAsync(ct);
        // Ordered in memory: a member of a constructor projection cannot be translated to SQL (one row per provider).
        return TypedResults.Ok(rows.OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Provider, StringComparer.Ordinal).ToList());
    }
}
