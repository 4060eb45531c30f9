using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Approval.ServiceDefaults.Region;
using Microsoft.Extensions.Options;

namespace Approval.Supervision.Api;

/// <summary>
/// 政务公开: the deployment region's departments with their concluded count and on-time rate over the configured period —
/// no case, project or person appears.
/// </summary>
public static class PublicApi
{
    public static async Task<Ok<List<PublicDepartmentDto>>> Departments(FiguresReader reader, DeploymentRegion region, SupervisionToday today,
        IOptions<SupervisionOptions> options, CancellationToken ct)
    {
        var to = today.Date;
        var filter = new FigureFilter(region.Code, FigureGrouping.Department, to.AddDays(1 - options.Value.PublicPeriodDays), to, null, null, null, null);
        var rows = await reader.ReadAsync(filter, ct);
        return TypedResults.Ok(rows.Select(r => new PublicDepartmentDto(r.Key, r.Name, r.Concluded, r.OnTimeRate)).ToList());
    }
}
