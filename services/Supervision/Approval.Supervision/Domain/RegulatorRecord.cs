namespace Approval.Supervision.Domain;

/// <summary>
/// A supervising department's record on a project (R-12.2, 事中事后监管): an inspection (检查), a penalty (处罚) or a
/// rectification order (整改通知), filed by the regulator's system or inspector through the gateway. It appears on the
/// project's timeline.
/// </summary>
public sealed class RegulatorRecord
{
    public const string Inspection = "inspection";
    public const string Penalty = "penalty";
    public const string RectificationOrder = "rectification-order";

    public static readonly IReadOnlyDictionary<string, string> KindNames = new Dictionary<string, string>
    {
        [Inspection] = "监督检查", [Penalty] = "行政处罚", [RectificationOrder] = "责令整改",
    };

    public Guid Id { get; init; }
    public required string RegionCode { get; init; }
    public required string ProjectCode { get; init; }
    public required string RegulatorCode { get; init; }
    public required string RegulatorName { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    /// <summary>The day of the inspection, decision or order (the regulator's record, not when it was filed here).</summary>
    public DateOnly OccurredOn { get; init; }
    /// <summary>文书编号 of the penalty decision or rectification order, when there is one.</summary>
    public string? DocumentNo { get; init; }
    /// <summary>The item instance the record concerns, when it concerns one.</summary>
    public Guid? ItemInstanceId { get; init; }
    public required string FiledBy { get; init; }
    public DateTimeOffset FiledAt { get; init; }
}
