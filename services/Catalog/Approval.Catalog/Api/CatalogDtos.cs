using Approval.Catalog.Domain;

namespace Approval.Catalog.Api;

public sealed record RegionDto(string Code, string Name, IReadOnlyList<DepartmentDto> Departments);

public sealed record DepartmentDto(string Code, string Name, string CreditCode);

public sealed record StageSummaryDto(int No, string Name, int TimeLimitWorkingDays, int MilestoneRule, int ItemCount);

/// <summary>A stage; with ?flow=CODE the flow's limit and items, and the flow itself (code, version, name, type).</summary>
public sealed record StageDto(int No, string Name, int TimeLimitWorkingDays, int MilestoneRule, IReadOnlyList<ItemDto> Items, StageFlowDto? Flow = null);

public sealed record StageFlowDto(string Code, int Version, string Name, string Type);

public sealed record FlowSummaryDto(string Code, int Version, string Name, string Type, int TotalTimeLimitWorkingDays, IReadOnlyList<int> StageNos);

public sealed record FlowDto(string Code, int Version, string Name, string Type, int TotalTimeLimitWorkingDays, IReadOnlyList<FlowStageDto> Stages);

public sealed record FlowStageDto(int StageNo, string StageName, int TimeLimitWorkingDays, int MilestoneRule, IReadOnlyList<ItemDto> Items);

/// <summary>An item as lists show it (the version in force today).</summary>
public sealed record ItemDto(
    string Code, int Version, string Name, int StageNo, DepartmentDto Department, int TimeLimitWorkingDays,
    string? LicenceTypeCode, string? LicenceName, string Kind, string ItemType, int CaseType,
    bool NotificationCommitment, bool Milestone, DateOnly? EffectiveFrom, int TimeLimit, int TimeLimitUnit, string? After = null,
    string? RequiresReview = null, IReadOnlyList<LicenceContentField>? LicenceFields = null, int? LicenceValidityMonths = null);

/// <summary>One item with everything the public may read: guide, fees, materials and form fields.</summary>
public sealed record ItemDetailDto(
    ItemDto Item, string ApplicantType, string ResultDelivery, string? LegalBasis,
    IReadOnlyList<FeeItem> Fees, IReadOnlyList<Material> Materials, IReadOnlyList<FormField> Fields, GuideDto Guide);

public sealed record GuideDto(
    string ItemCode, int Version, string ItemName, IReadOnlyList<string> Conditions, IReadOnlyList<string> Procedure,
    GuideContacts? Contacts, IReadOnlyList<FaqEntry> Faq);

public sealed record FeesDto(string ItemCode, int Version, IReadOnlyList<FeeItem> Fees);

public sealed record MaterialsDto(string ItemCode, int Version, IReadOnlyList<Material> Materials);

public sealed record ItemVersionDto(string Code, int Version, string Status, DateOnly? EffectiveFrom, DateTimeOffset? PublishedAt, bool InForce);

public sealed record EditorItemVersionDto(ItemVersionDto Version, ItemDefinition Definition);

public sealed record PublishRequest(DateOnly? EffectiveFrom);
