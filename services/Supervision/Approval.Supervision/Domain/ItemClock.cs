using Approval.Calendar;

namespace Approval.Supervision.Domain;

/// <summary>
/// Read model of one item instance's clock (事项实例时限), built only from events: opened at 受理 (ApplicationAccepted), moved
/// by every status change of Approvals (ItemInstanceStatusChanged, DOMAIN.md codes). 补正 (6/7) and 特别程序 (9/10) pause it and
/// are kept apart; the derived columns (used days, deadline, state) are what the figures and the warnings read.
/// </summary>
public sealed class ItemClock
{
    public Guid Id { get; init; }
    /// <summary>Approvals' item instance id, known from its first status change (code 3 at acceptance).</summary>
    public Guid? ItemInstanceId { get; set; }
    public required Guid ApplicationId { get; init; }
    public required string RegionCode { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }
    public required string ItemCode { get; init; }
    public required string ItemName { get; init; }
    public required string DepartmentCode { get; init; }
    public required string DepartmentName { get; init; }
    /// <summary>The applicant's account (ApplicationAccepted.ApplicantId): who may rate the item (好差评); null before ratings existed.</summary>
    public string? ApplicantId { get; init; }
    public int StageNo { get; init; }
    /// <summary>审批流程类型 chosen with the application; null when none was chosen.</summary>
    public string? FlowType { get; init; }
    /// <summary>承诺时限 in working days (0: the item has no limit, its clock only counts).</summary>
    public int LimitWorkingDays { get; init; }
    public DateTimeOffset AcceptedAt { get; init; }
    /// <summary>The local date of 受理 on the region's calendar: the period a figure counts the item in.</summary>
    public DateOnly AcceptedDate { get; init; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? ConcludedAt { get; private set; }
    public bool? Approved { get; private set; }
    public int StatusCode { get; private set; } = 3;
    /// <summary>When <see cref="StatusCode"/> happened: a change older than it (delivered late, or retried after a newer one) leaves it.</summary>
    public DateTimeOffset? StatusAt { get; private set; }
    public List<ClockPause> Pauses { get; private set; } = [];
    public int CorrectionCount { get; private set; }
    public int SpecialProcedureCount { get; private set; }
    /// <summary>Who took the case (部门开始办理): display name, and account id when the event carried it.</summary>
    public string? HandlerName { get; private set; }
    public string? HandlerId { get; private set; }

    public int UsedWorkingDays { get; private set; }
    public int CorrectionWorkingDays { get; private set; }
    public int SpecialWorkingDays { get; private set; }
    public DateOnly? Deadline { get; private set; }
    public ClockState State { get; private set; }
    /// <summary>The highest warning already sent (0 none, 1 预警, 2 逾期): each is sent once.</summary>
    public int WarnedLevel { get; private set; }
    public uint Version { get; private set; }

    public bool Running => ConcludedAt is null;

    /// <summary>
    /// Applies one status change (DOMAIN.md codes); unknown or repeated codes change nothing but the status. Changes may arrive
    /// in any order (two changes milliseconds apart are consumed concurrently and one is retried): pauses are built from their
    /// times, and the status, conclusion and recall follow the latest change by its time, not the last one applied.
    /// </summary>
    public void Apply(int statusCode, DateTimeOffset at, string actor, string? actorId)
    {
        var latest = StatusAt is null || at >= StatusAt;
        switch (statusCode)
        {
            case 6: OpenPause(ClockPause.Correction, at); CorrectionCount++; break;
            case 7: ClosePause(ClockPause.Correction, at); break;
            case 8:
                StartedAt ??= at;
                (HandlerName, HandlerId) = (actor, actorId ?? HandlerId);
                break;
            case 9: OpenPause(ClockPause.Special, at); SpecialProcedureCount++; break;
            case 10: ClosePause(ClockPause.Special, at); break;
            case 11 or 12 or 13 when latest:
                ConcludedAt = at;
                Approved = statusCode != 13;
                foreach (var open in Pauses.Where(p => p.End is null).ToList()) ClosePause(open.Kind, at);
                break;
            case 14 when latest: ConcludedAt = null; Approved = null; break;
        }
        if (latest) (StatusCode, StatusAt) = (statusCode, at);
    }

    /// <summary>
    /// Opens a pause at <paramref name="at"/>; when its end came first (kept as an empty pause at the end's time, see
    /// <see cref="ClosePause"/>), the pause gets its start instead.
    /// </summary>
    private void OpenPause(string kind, DateTimeOffset at)
    {
        var earlyEnd = Pauses.Where(p => p.Kind == kind && p.End == p.Start && p.Start >= at).OrderBy(p => p.Start).FirstOrDefault();
        if (earlyEnd is not null)
        {
            Pauses = Pauses.Select(p => ReferenceEquals(p, earlyEnd) ? p with { Start = at } : p).ToList();
            return;
        }
        if (Pauses.Any(p => p.Kind == kind && p.End is null)) return;
        Pauses = [.. Pauses, new ClockPause(kind, at, null)];
    }

    /// <summary>Ends the open pause that started before <paramref name="at"/>; with none (the start not applied yet) keeps the end as an empty pause.</summary>
    private void ClosePause(string kind, DateTimeOffset at)
    {
        var open = Pauses.FirstOrDefault(p => p.Kind == kind && p.End is null && p.Start <= at);
        Pauses = open is null
            ? [.. Pauses, new ClockPause(kind, at, at)]
            : Pauses.Select(p => ReferenceEquals(p, open) ? p with { End = at } : p).ToList();
    }

    /// <summary>Recomputes the derived columns at <paramref name="now"/> (a concluded clock is read at its conclusion).</summary>
    public void Refresh(WorkingCalendar calendar, WarningThreshold threshold, DateTimeOffset now)
    {
        var end = ConcludedAt ?? now;
        CorrectionWorkingDays = PausedDays(calendar, ClockPause.Correction, end);
        SpecialWorkingDays = PausedDays(calendar, ClockPause.Special, end);
        if (LimitWorkingDays <= 0)
        {
            var paused = Pause.Merge(Pauses.Select(p => p.AsPause())).Sum(p => calendar.WorkingDaysBetween(p.Start, p.End ?? end));
            UsedWorkingDays = Math.Max(0, calendar.WorkingDaysBetween(AcceptedDate, calendar.LocalDate(end)) - paused);
            (Deadline, State) = (null, ClockState.OnTime);
            return;
        }
        var reading = Clock.Read(calendar, AcceptedAt, LimitWorkingDays, Pauses.Select(p => p.AsPause()), end, threshold, stopped: !Running);
        (UsedWorkingDays, Deadline, State) = (reading.Used, reading.Deadline, reading.State);
    }

    private int PausedDays(WorkingCalendar calendar, string kind, DateTimeOffset end) =>
        Pause.Merge(Pauses.Where(p => p.Kind == kind).Select(p => p.AsPause())).Sum(p => calendar.WorkingDaysBetween(p.Start, p.End ?? end));

    /// <summary>
    /// The warning due now and not yet sent (预警 1, 逾期 2), marking it sent; null when none is due. A running clock only:
    /// once concluded there is nobody left to warn.
    /// </summary>
    public int? TakeDueWarning()
    {
        if (!Running) return null;
        var level = State switch { ClockState.Warning => 1, ClockState.Overdue => 2, _ => 0 };
        if (level <= WarnedLevel) return null;
        WarnedLevel = level;
        return level;
    }
}

/// <summary>One pause of a clock: 补正 (correction) or 特别程序 (special), from its start to its end (null: still paused).</summary>
public sealed record ClockPause(string Kind, DateTimeOffset Start, DateTimeOffset? End)
{
    public const string Correction = "correction";
    public const string Special = "special";

    public Pause AsPause() => new(Start, End, Kind);
}
