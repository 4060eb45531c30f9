using Approval.Calendar;

namespace Approval.Approvals.Domain;

/// <summary>
/// What the item instance keeps of the application's snapshot beyond its department and rules: the 工程代码 of the
/// project phase, the catalog version of the item (both required by the data exchange's item instance table) and the
/// time limit as the catalog states it (4 hours, 20 working days …), which its clock counts.
/// </summary>
public sealed partial class ItemInstance
{
    /// <summary>工程代码 of the project phase the application was made under; null only for stage 1 without one.</summary>
    public string? EngineeringCode { get; private set; }
    /// <summary>The catalog version of the item (事项版本) at submission; 0 for instances opened before it was kept.</summary>
    public int ItemVersion { get; private set; }
    /// <summary>The stated limit in <see cref="TimeLimitUnit"/>; 0 = <see cref="TimeLimitWorkingDays"/> working days.</summary>
    public int TimeLimit { get; private set; }
    /// <summary>时限单位 (DOMAIN.md): 1 working days, 2 calendar days, 3 hours, 4 minutes, 5 months.</summary>
    public int TimeLimitUnit { get; private set; } = 1;

    /// <summary>The limit the item's clock counts.</summary>
    public TimeLimit Limit => TimeLimit > 0 && Approval.Calendar.TimeLimit.IsSupported(TimeLimitUnit)
        ? new TimeLimit(TimeLimit, (TimeLimitUnit)TimeLimitUnit)
        : Approval.Calendar.TimeLimit.InWorkingDays(TimeLimitWorkingDays);

    /// <summary>The technical review type (Reviews) whose passing result its 通过 needs (catalog requiresReview); null: none.</summary>
    public string? RequiresReview { get; private set; }

    public ItemInstance WithSnapshot(string? engineeringCode, int itemVersion, int timeLimit, int timeLimitUnit, string? requiresReview = null)
    {
        RequiresReview = requiresReview;
        EngineeringCode = engineeringCode;
        ItemVersion = itemVersion;
        TimeLimit = timeLimit;
        TimeLimitUnit = timeLimitUnit;
        return this;
    }
}
