using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Approval.ServiceDefaults.Region;
using Microsoft.Extensions.Options;

namespace Approval.Supervision.Api;

/// <summary>
/// 政务公开: the deployment region's departments with their concluded count, on-time rate and 好差评 of their items (count
/// and average level, appeals upheld left out) over the configured period — no case, project or person appears.
/// </summary>
public static class PublicApi
{
    public static async Task<Ok<List<PublicDepartmentDto>>> Departments(FiguresReader reader, RatingStatistics statistics, DeploymentRegion region, SupervisionToday today,
        IOptions<SupervisionOptions> options, CancellationToken ct)
    {
        var to = today.Date;
        var filter = new FigureFilter(region.Code, FigureGrouping.Department, to.AddDays(1 - options.Value.PublicPeriodDays), to, null, null, null, null);
        var rows = await reader.ReadAsync(filter, ct);
        var ratings = (await statistics.ReadAsync(region.Code, filter.From, to, null, Rating.Item, ct)).ToDictionary(r => r.UnitCode);
        return TypedResults.Ok(rows.Select(r => new PublicDepartmentDto(r.Key, r.Name, r.Concluded, r.OnTimeRate,
            ratings.GetValueOrDefault(r.Key)?.Ratings ?? 0, ratings.GetValueOrDefault(r.Key) is { Ratings: > 0 } s ? s.AverageLevel : null)).ToList());
    }
}
