using Approval.Calendar;

namespace Approval.Approvals.Domain;

/// <summary>
/// The accepted stage application as the departments see it: its items are decided in parallel;
/// with more than one item it carries a 并联审批实例编码 that every item instance carries too. It concludes by
/// its stage's milestone rule (<see cref="MilestoneRules"/>).
/// </summary>
public sealed class StageInstance
{
    public Guid Id { get; init; }
    public Guid ApplicationId { get; init; }
    public required string RegionCode { get; init; }
    /// <summary>The applicant who owns the application (the token's subject); they may read the stage's progress.</summary>
    public string ApplicantId { get; init; } = "";
    public int StageNo { get; init; }
    /// <summary>The project (投资项目代码) the stage belongs to: its stages' clocks add up to the project clock.</summary>
    public string ProjectCode { get; init; } = "";
    /// <summary>The stage's time limit in working days, from the catalog when the stage opened (null for stages opened before it was kept).</summary>
    public int? TimeLimitWorkingDays { get; init; }
    public string? ParallelInstanceCode { get; init; }
    /// <summary>The approval flow (审批流程) the application chose and its version; null when none was chosen.</summary>
    public string? FlowCode { get; init; }
    public int? FlowVersion { get; init; }
    public DateTimeOffset AcceptedAt { get; init; }
    /// <summary>1 = all milestone items concluded, 2 = any milestone item concluded (DOMAIN.md).</summary>
    public int MilestoneRule { get; init; } = 1;
    public StageStatus Status { get; private set; } = StageStatus.InProgress;
    public bool? Approved { get; private set; }
    public DateTimeOffset? ConcludedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>
    /// The stage's clock (R-T): it starts at 受理 with the stage's limit and stops when the stage concludes. Its items'
    /// pauses (special procedures) pause it too —: that time is not counted in any clock containing it — overlapping
    /// ones once. Null when the stage has no known limit.
    /// </summary>
    public ClockReading? ReadClock(WorkingCalendar calendar, IEnumerable<Pause> itemPauses, DateTimeOffset now, WarningThreshold threshold) =>
        TimeLimitWorkingDays is { } limit && limit > 0
            ? Clock.Read(calendar, AcceptedAt, limit, itemPauses, ConcludedAt ?? now, threshold, stopped: ConcludedAt is not null)
            : null;

    /// <summary>Applies the milestone rule to the stage's items; true when this call concluded the stage.</summary>
    public bool ConcludeIfDue(IReadOnlyCollection<ItemInstance> items, DateTimeOffset now)
    {
        if (Status == StageStatus.Concluded) return false;
        if (MilestoneRules.Outcome(MilestoneRule, items) is not { } approved) return false;
        Status = StageStatus.Concluded;
        Approved = approved;
        ConcludedAt = now;
        return true;
    }

    /// <summary>In progress again: a department recalled (撤回) a decision; false when the stage had not concluded.</summary>
    public bool Reopen()
    {
        if (Status != StageStatus.Concluded) return false;
        (Status, Approved, ConcludedAt) = (StageStatus.InProgress, null, null);
        return true;
    }
}

/// <summary>阶段实例状态.</summary>
public enum StageStatus
{
    InProgress = 1, // 办理中
    Concluded = 2,  // 已办结
}

public static class StageStatusNames
{
    public static string ChineseName(this StageStatus status) => status == StageStatus.Concluded ? "已办结" : "办理中";
}
