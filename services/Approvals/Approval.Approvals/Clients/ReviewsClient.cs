using Approval.ServiceDefaults.Http;

namespace Approval.Approvals.Clients;

/// <summary>
/// The project's technical reviews (技术审查) from Reviews, read with the caller's own token (GET /api/reviews?projectCode=): an
/// applicant gets their own, the region's staff the region's. The project clock shows each with its own clock.
/// </summary>
public sealed class ReviewsClient(HttpClient http, IHttpContextAccessor context)
{
    public async Task<List<ProjectReviewDto>> ProjectReviewsAsync(string projectCode, CancellationToken ct) =>
        await http.GetAsCallerAsync<List<ProjectReviewDto>>($"/api/reviews?projectCode={Uri.EscapeDataString(projectCode)}", context.HttpContext, ct) ?? [];
}

/// <summary>One review on the project clock: 委托 → 开始 → 办结 on the region calendar (its clock null before 开始).</summary>
public sealed record ProjectReviewDto(Guid Id, string? EngineeringCode, string TypeName, string AgencyName, string StatusName, string? ConclusionName,
    int LimitWorkingDays, DateTimeOffset CommissionedAt, DateTimeOffset? StartedAt, DateTimeOffset? ConcludedAt, ReviewClockDto? Clock);

/// <summary>The review's clock as Reviews reads it (working days): 正常 / 预警 / 逾期, paused while a supplement is awaited.</summary>
public sealed record ReviewClockDto(DateOnly Deadline, int Limit, int Used, int Remaining, int Paused, bool IsPaused, string State, string StateName, bool Stopped);
