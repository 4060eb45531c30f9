using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Microsoft.Extensions.Options;

namespace Approval.Supervision.Api;

/// <summary>
/// 好差评 statistics per unit (department, agency, utility, intermediary, window) for a period of rating dates: ratings that
/// count (an appeal upheld takes one out), their average level, bad ones, tasks still open, escalated rectifications, appeals
/// upheld. Supervisors and region administrators: the region; a department lead: their department. One GROUP BY.
/// </summary>
public sealed class RatingStatistics(SupervisionDbContext db)
{
    public static void Map(RouteGroupBuilder ratings) =>
        ratings.MapGet("/statistics", Statistics).RequireAuthorization(SupervisionScope.Readers).AddEndpointFilter<LeadDirectoryFilter>()
            .WithSummary("Ratings per unit for a period: count, average level, bad, open, escalated / 好差评统计（按单位）");

    private static async Task<Ok<List<RatingStatisticsRow>>> Statistics(DateOnly? from, DateOnly? to, string? departmentCode, ClaimsPrincipal user,
        RatingStatistics statistics, SupervisionToday today, IOptions<SupervisionOptions> options, CancellationToken ct)
    {
        var f = FigureFilter.Of(new FigureQuery(null, from, to, departmentCode, null, null, null, null), SupervisionScope.Of(user), today.Date,
            options.Value.MaxPeriodDays);
        return TypedResults.Ok(await statistics.ReadAsync(f.RegionCode, f.From, f.To, f.DepartmentCode, null, ct));
    }

    public async Task<List<RatingStatisticsRow>> ReadAsync(string region, DateOnly from, DateOnly to, string? unit, string? kind, CancellationToken ct)
    {
        var ratings = db.Ratings.AsNoTracking().Where(r => r.RegionCode == region && r.RatedDate >= from && r.RatedDate <= to);
        if (unit is not null) ratings = ratings.Where(r => r.UnitCode == unit);
        if (kind is not null) ratings = ratings.Where(r => r.Kind == kind);
        var groups = await ratings
            .Select(r => new { r.UnitCode, r.UnitName, r.Level, r.TaskState, r.EscalatedAt, Counts = r.AppealUpheld != true, Upheld = r.AppealUpheld == true })
            .GroupBy(r => r.UnitCode)
            .Select(g => new
            {
                Unit = g.Key, Name = g.Max(r => r.UnitName), Ratings = g.Count(r => r.Counts), LevelSum = g.Sum(r => r.Counts ? r.Level : 0),
                Bad = g.Count(r => r.Counts && r.Level >= 4),
                Open = g.Count(r => r.TaskState != RatingTaskState.None && r.TaskState != RatingTaskState.Answered),
                Escalated = g.Count(r => r.EscalatedAt != null), Upheld = g.Count(r => r.Upheld),
            })
            .ToListAsync(ct);
        return groups.OrderBy(g => g.Unit, StringComparer.Ordinal).Select(g => new RatingStatisticsRow(g.Unit, g.Name ?? g.Unit, g.Ratings,
            g.Ratings == 0 ? 0 : Math.Round((double)g.LevelSum / g.Ratings, 2), g.Bad, g.Open, g.Escalated, g.Upheld)).ToList();
    }
}
