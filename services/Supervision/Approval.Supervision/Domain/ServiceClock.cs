using Approval.Calendar;

namespace Approval.Supervision.Domain;

/// <summary>
/// The clock of a service outside the departments' items, from its events: a technical review (技术审查, Reviews: started →
/// 补充材料 pauses → concluded, with its limit), a utility request (报装, Utilities: applied → connected) or an intermediary
/// commission (中介服务, Marketplace: started → ended). Counted in working days on the region's calendar.
/// </summary>
public sealed class ServiceClock
{
    public const string Review = "review";
    public const string Utility = "utility";
    public const string Intermediary = "intermediary";

    public Guid Id { get; init; }
    public required string Kind { get; init; }
    public required string RegionCode { get; init; }
    public required string ProjectCode { get; init; }
    /// <summary>The agency, utility or intermediary (its code or id).</summary>
    public required string Provider { get; init; }
    public required string Name { get; init; }
    /// <summary>The owner or applicant who commissioned or applied (the events' OwnerId/ApplicantId): who may rate it.</summary>
    public string? OwnerId { get; set; }
    public int LimitWorkingDays { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateOnly OpenedDate { get; init; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? Result { get; set; }
    public List<ClockPause> Pauses { get; set; } = [];
    public int UsedWorkingDays { get; private set; }
    public int PausedWorkingDays { get; private set; }
    public ClockState State { get; private set; }

    public void Pause(DateTimeOffset at)
    {
        if (Pauses.All(p => p.End is not null)) Pauses = [.. Pauses, new ClockPause(ClockPause.Correction, at, null)];
    }

    public void Resume(DateTimeOffset at) => Pauses = Pauses.Select(p => p.End is null ? p with { End = at } : p).ToList();

    public void Refresh(WorkingCalendar calendar, WarningThreshold threshold, DateTimeOffset now)
    {
        if (StartedAt is not { } start) return;
        var end = EndedAt ?? now;
        PausedWorkingDays = Approval.Calendar.Pause.Merge(Pauses.Select(p => p.AsPause())).Sum(p => calendar.WorkingDaysBetween(p.Start, p.End ?? end));
        if (LimitWorkingDays > 0)
        {
            var reading = Clock.Read(calendar, start, LimitWorkingDays, Pauses.Select(p => p.AsPause()), end, threshold, stopped: EndedAt is not null);
            (UsedWorkingDays, State) = (reading.Used, reading.State);
            return;
        }
        UsedWorkingDays = Math.Max(0, calendar.WorkingDaysBetween(start, end) - PausedWorkingDays);
        State = ClockState.OnTime;
    }
}
