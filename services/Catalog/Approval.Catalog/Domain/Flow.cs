namespace Approval.Catalog.Domain;

/// <summary>
/// 审批流程: a flow type (政府投资房屋建筑, 社会投资, 小型社会投资/低风险, 线性工程 …) with its code and version,
/// the stages it runs through with this flow's limits, and the items of each stage.
/// </summary>
public sealed class Flow
{
    public required string Code { get; init; }
    public required int Version { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required IReadOnlyList<FlowStage> Stages { get; init; }
}

public sealed record FlowStage(int StageNo, int TimeLimitWorkingDays, IReadOnlyList<string> ItemCodes);
