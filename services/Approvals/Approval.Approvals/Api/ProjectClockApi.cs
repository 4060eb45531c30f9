using Approval.Approvals.Clients;
using Approval.Approvals.Data;
using Approval.Approvals.Domain;
using Approval.Calendar;

namespace Approval.Approvals.Api;

/// <summary>
/// The project clock (R-T): the working days used by every stage instance of a project, concluded or running, against the
/// sum of their limits. Readable by an applicant who owns one of the project's stage applications and by the region's
/// staff (window, departments, supervisors, region administrators); anyone else gets 404. When a stage's clock cannot be
/// read, the totals are null and <c>problem</c> names each such stage and why — never a total that silently leaves one out.
/// </summary>
public static class ProjectClockApi
{
    private static readonly string[] StaffRoles = [Roles.Window, Roles.Department, Roles.DepartmentLead, Roles.Supervisor, Roles.RegionAdmin];

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/approvals/projects/{projectCode}/clock", Get).WithTags("Applicant progress").RequireAuthorization()
            .WithSummary("The project clock: working days used by all its stages / 项目时限（各阶段用时合计）");

    public sealed record ProjectStageClockDto(Guid StageInstanceId, Guid ApplicationId, int StageNo, int Status, string StatusName,
        DateTimeOffset AcceptedAt, DateTimeOffset? ConcludedAt, ClockDto? Clock, string? ClockProblem);
    public sealed record ProjectClockDto(string ProjectCode, int? LimitWorkingDays, int? UsedWorkingDays, int? RemainingWorkingDays, bool Running,
        string State, string StateName, IReadOnlyList<ProjectStageClockDto> Stages, string? Problem = null,
        // The project's technical reviews, each on its own clock (not added to the stages' total); null with ReviewsProblem when Reviews did not answer.
        IReadOnlyList<ProjectReviewDto>? Reviews = null, string? ReviewsProblem = null);

    private static async Task<Ok<ProjectClockDto>> Get(
        string projectCode, ClaimsPrincipal user, ItemViews views, WarningThreshold threshold, ReviewsClient reviews, [AsParameters] ApprovalsServices s,
        CancellationToken ct)
    {
        var clock = await StagesAsync(projectCode, user, views, threshold, s, ct);
        try
        {
            return TypedResults.Ok(clock with { Reviews = await reviews.ProjectReviewsAsync(projectCode, ct) });
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Reviews down or slow: the stages' clock still answers, saying what it lacks (never a silent omission).
            return TypedResults.Ok(clock with { ReviewsProblem = $"技术审查时限暂无法读取 / the reviews could not be read: {e.Message}" });
        }
    }

    private static async Task<ProjectClockDto> StagesAsync(
        string projectCode, ClaimsPrincipal user, ItemViews views, WarningThreshold threshold, ApprovalsServices s, CancellationToken ct)
    {
        var region = user.RegionCode();
        var stages = await s.Db.Stages.AsNoTracking().Where(s => s.ProjectCode == projectCode && s.RegionCode == region)
            .OrderBy(s => s.AcceptedAt).Take(500).ToListAsync(ct);
        var staff = StaffRoles.Any(user.IsInRole);
        var owner = user.IsInRole(Roles.Applicant) && stages.Any(s => s.ApplicantId == user.UserId());
        if (stages.Count == 0 || !(staff || owner))
        {
            if (stages.Count > 0) await s.Audit.DenyAsync("project", projectCode, "neither an applicant of the project nor the region's staff", ct, region);
            throw new NotFoundException("Project 项目", projectCode);
        }
        var clocks = await views.ReadStageClocksAsync(stages, ct);
        var lines = stages.Select(s => (Stage: s, Clock: clocks[s.Id])).ToList();
        var dtos = lines.Select(l => new ProjectStageClockDto(l.Stage.Id, l.Stage.ApplicationId, l.Stage.StageNo, (int)l.Stage.Status, l.Stage.Status.ChineseName(),
            l.Stage.AcceptedAt, l.Stage.ConcludedAt, l.Clock.Reading is { } r ? ClockDto.Of(r) : null, l.Clock.Problem)).ToList();
        var running = stages.Any(s => s.Status == StageStatus.InProgress);
        var unreadable = lines.Where(l => l.Clock.Reading is null).ToList();
        if (unreadable.Count > 0)
            return new ProjectClockDto(projectCode, null, null, null, running, "Unknown", "无法计算", dtos,
                string.Join("\n", unreadable.Select(l => $"第{l.Stage.StageNo}阶段（{l.Stage.Id}）时限无法计算 / the clock of stage {l.Stage.StageNo} cannot be read: {l.Clock.Problem}")));
        var project = ProjectClock.Of(lines.Select(l => (l.Clock.Reading!, l.Stage.Status == StageStatus.InProgress)).ToList(), threshold);
        return new ProjectClockDto(projectCode, project.LimitWorkingDays, project.UsedWorkingDays, project.RemainingWorkingDays,
            project.Running, project.State.ToString(), project.State.ChineseName(), dtos);
    }
}
