using Approval.ServiceDefaults.Region;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;

namespace Approval.Supervision.Api;

/// <summary>One line of a project's timeline: when, what (kind), its Chinese title and detail, and who.</summary>
public sealed record TimelineEntryDto(DateTimeOffset At, string Kind, string Title, string? Detail, string? By, Guid? RecordId);

public sealed record ProjectTimelineDto(string ProjectCode, string ProjectName, IReadOnlyList<TimelineEntryDto> Entries,
    IReadOnlyList<RegulatorRecordDto> Records);

/// <summary>
/// A project's timeline (项目全流程时间轴) as Supervision knows it from the events — stages accepted and concluded, items
/// concluded, technical reviews, utility requests and intermediary services opened and ended — with the regulators'
/// records (R-12.2) in their place. Readable by the region's supervisors, administrators and regulators, a department lead
/// whose department has an item of the project, and the project's own applicants; anyone else gets 404.
/// </summary>
public static class ProjectTimelineApi
{
    public const string Readers = "timeline-readers";

    public static void Map(WebApplication app) =>
        app.MapGet("/api/supervision/projects/{projectCode}/timeline", TimelineAsync).WithTags("Supervision").RequireAuthorization(Readers)
            .WithSummary("A project's timeline with the regulators' records / 项目时间轴（含监管记录）");

    private static async Task<Ok<ProjectTimelineDto>> TimelineAsync(string projectCode, ClaimsPrincipal user, SupervisionDbContext db,
        IAuditLog audit, DeploymentRegion region, CancellationToken ct)
    {
        var stages = await db.Stages.AsNoTracking().Where(s => s.RegionCode == region.Code && s.ProjectCode == projectCode)
            .OrderBy(s => s.AcceptedAt).Take(200).ToListAsync(ct);
        if (stages.Count == 0 || !await MaySeeAsync(user, db, region.Code, projectCode, ct))
        {
            if (stages.Count > 0) await audit.DenyAsync("project", projectCode, "not the project's applicant, region staff or its department's lead", ct, region.Code);
            throw new NotFoundException("Project 项目", projectCode);
        }
        var items = await db.Items.AsNoTracking().Where(i => i.RegionCode == region.Code && i.ProjectCode == projectCode && i.ConcludedAt != null)
            .OrderBy(i => i.ConcludedAt).Take(500).ToListAsync(ct);
        var services = await db.Set<ServiceClock>().AsNoTracking().Where(c => c.RegionCode == region.Code && c.ProjectCode == projectCode)
            .OrderBy(c => c.OpenedAt).Take(200).ToListAsync(ct);
        var records = await db.RegulatorRecords.AsNoTracking().Where(r => r.RegionCode == region.Code && r.ProjectCode == projectCode)
            .OrderBy(r => r.FiledAt).Take(500).ToListAsync(ct);

        var entries = new List<TimelineEntryDto>();
        foreach (var s in stages)
        {
            entries.Add(new(s.AcceptedAt, "stage-accepted", $"第{s.StageNo}阶段受理", $"承诺时限{s.LimitWorkingDays}个工作日", null, null));
            if (s.ConcludedAt is { } done)
                entries.Add(new(done, "stage-concluded", $"第{s.StageNo}阶段办结", s.Approved == false ? "不予通过" : $"用时{s.UsedWorkingDays}个工作日", null, null));
        }
        entries.AddRange(items.Select(i => new TimelineEntryDto(i.ConcludedAt!.Value, "item-concluded", $"{i.ItemName}办结",
            $"{i.DepartmentName}：{(i.Approved == true ? "准予" : "不予")}，用时{i.UsedWorkingDays}个工作日", i.HandlerName, null)));
        foreach (var c in services)
        {
            var name = c.Kind switch { ServiceClock.Review => "技术审查", ServiceClock.Utility => "报装", _ => "中介服务" };
            entries.Add(new(c.OpenedAt, c.Kind + "-opened", $"{name}：{c.Name}", null, c.Provider, null));
            if (c.EndedAt is { } ended) entries.Add(new(ended, c.Kind + "-ended", $"{name}办结：{c.Name}", c.Result, c.Provider, null));
        }
        entries.AddRange(records.Select(r => new TimelineEntryDto(r.FiledAt, "regulator-record", $"{RegulatorRecord.KindNames[r.Kind]}：{r.Title}",
            $"{r.OccurredOn:yyyy-MM-dd} {r.Summary}", r.RegulatorName, r.Id)));
        return TypedResults.Ok(new ProjectTimelineDto(projectCode, stages[0].ProjectName, entries.OrderBy(e => e.At).ToList(),
            records.Select(RegulatorRecordDto.Of).ToList()));
    }

    private static async Task<bool> MaySeeAsync(ClaimsPrincipal user, SupervisionDbContext db, string region, string projectCode, CancellationToken ct)
    {
        if (!user.InRegion(region)) return false;
        if (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.RegionAdmin) || user.IsInRole(Roles.Regulator)) return true;
        if (user.IsInRole(Roles.DepartmentLead) && user.OrganisationCode() is { } department
            && await db.Items.AnyAsync(i => i.RegionCode == region && i.ProjectCode == projectCode && i.DepartmentCode == department, ct))
            return true;
        var me = user.UserId();
        return user.IsInRole(Roles.Applicant)
            && await db.Applications.AnyAsync(a => a.RegionCode == region && a.ProjectCode == projectCode && a.ApplicantId == me, ct);
    }
}
