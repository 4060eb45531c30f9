using Approval.Calendar;

namespace Approval.Supervision.Domain;

/// <summary>
/// One stage application's clock (阶段用时), from 受理 to 阶段办结 (StageInstanceConcluded; reopened by a recall): the
/// project's total is the sum of its stages, set against the region's target (e.g. 120 working days).
/// </summary>
public sealed class StageClock
{
    public Guid ApplicationId { get; init; }
    public required string RegionCode { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }
    public int StageNo { get; init; }
    public string? FlowType { get; init; }
    public int LimitWorkingDays { get; init; }
    public DateTimeOffset AcceptedAt { get; init; }
    public DateTimeOffset? ConcludedAt { get; set; }
    public bool? Approved { get; set; }
    public int UsedWorkingDays { get; private set; }

    public void Refresh(WorkingCalendar calendar, DateTimeOffset now) =>
        UsedWorkingDays = calendar.WorkingDaysBetween(AcceptedAt, ConcludedAt ?? now);
}

/// <summary>One stage application as the window saw it: 接件, then 受理 or 不受理/不予受理 — the intake figures.</summary>
public sealed class ApplicationRecord
{
    public Guid ApplicationId { get; init; }
    public required string RegionCode { get; set; }
    public string ProjectCode { get; set; } = "";
    public int StageNo { get; set; }
    public string? Channel { get; set; }
    /// <summary>
    /// The applicant's account (ApplicationReceived/Accepted.ApplicantId): the rater of a counter visit, who may read the
    /// project's timeline and is told of a regulator's record.
    /// </summary>
    public string? ApplicantId { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public DateOnly? ReceivedDate { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? RefusedAt { get; set; }
}

/// <summary>
/// A warning or reminder sent about an item clock: 预警 / 逾期 (the job, once each) or 督办 (a supervisor's reminder, with
/// the supervisor and note). Who it went to is kept with it.
/// </summary>
public sealed class SupervisionNotice
{
    public const string Warning = "warning";
    public const string Overdue = "overdue";
    public const string Urge = "urge";

    public Guid Id { get; init; }
    public Guid ItemClockId { get; init; }
    public required string RegionCode { get; init; }
    public required string DepartmentCode { get; init; }
    public required string Kind { get; init; }
    public string? Note { get; init; }
    public string? By { get; init; }
    public List<string> Recipients { get; init; } = [];
    public DateTimeOffset RaisedAt { get; init; }
}

/// <summary>A department lead (部门负责人) known to Supervision: recorded when the lead uses its API, so warnings reach them.</summary>
public sealed class DepartmentLead
{
    public required string UserId { get; init; }
    public required string RegionCode { get; set; }
    public required string DepartmentCode { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset SeenAt { get; set; }
}
