using Approval.Approvals.Data;
using Approval.Approvals.Domain;
using Approval.Calendar;
using Approval.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Approval.Approvals.Api;

/// <summary>Builds what a department sees of its items: status, clock and special procedures.</summary>
public sealed class ItemViews(ApprovalsDbContext db, WorkingCalendar calendar, WarningThreshold threshold, TimeProvider clock)
{
    public async Task<List<ItemInstanceDto>> ToDtosAsync(IReadOnlyCollection<ItemInstance> items, CancellationToken ct)
    {
        var ids = items.Select(i => i.Id).ToList();
        var procedures = (await db.SpecialProcedures.AsNoTracking().Where(p => ids.Contains(p.ItemInstanceId)).OrderBy(p => p.StartedAt).ToListAsync(ct))
            .ToLookup(p => p.ItemInstanceId);
        return items.Select(i => ToDto(i, procedures[i.Id].ToList())).ToList();
    }

    public async Task<ItemInstanceDto> ToDtoAsync(ItemInstance item, CancellationToken ct) => (await ToDtosAsync([item], ct))[0];

    private ItemInstanceDto ToDto(ItemInstance i, List<SpecialProcedure> procedures)
    {
        ClockDto? clockDto = null;
        string? problem = null;
        try
        {
            var r = i.ReadClock(calendar, procedures, clock.GetUtcNow(), threshold);
            clockDto = new ClockDto(r.StartDate, r.Deadline, r.LimitWorkingDays, r.UsedWorkingDays, r.RemainingWorkingDays,
                r.PausedWorkingDays, r.IsPaused, r.State.ToString(), r.State.ChineseName());
        }
        catch (CalendarRangeException e)
        {
            problem = e.Message; // the region pack lacks the year: say so rather than guess or fail
        }
        return new ItemInstanceDto(
            i.Id, i.ApplicationId, i.StageInstanceId, i.ParallelInstanceCode, i.ProjectCode, i.ProjectName, i.ItemCode, i.ItemName, i.DepartmentCode,
            i.DepartmentName, i.TimeLimitWorkingDays, i.Status.Code(), i.Status.ChineseName(), i.Opinion, i.AcceptedAt, i.StartedAt,
            i.ConcludedAt, clockDto, problem,
            procedures.Select(p => new SpecialProcedureDto((int)p.Type, p.Type.ChineseName(), p.Reason, p.PlannedWorkingDays,
                p.StartedAt, p.EndedAt, p.Result)).ToList(),
            i.MaterialsToFollow, i.MaterialsDue);
    }
}
