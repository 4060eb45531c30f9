namespace Approval.Portal.Clients;

// The Catalog API's answers as the portal reads them (services/Catalog/Approval.Catalog/Api/CatalogDtos.cs).

public sealed record Department(string Code, string Name, string CreditCode);

public sealed record FlowSummary(string Code, int Version, string Name, string Type, int TotalTimeLimitWorkingDays, IReadOnlyList<int> StageNos);

public sealed record Flow(string Code, int Version, string Name, string Type, int TotalTimeLimitWorkingDays, IReadOnlyList<FlowStage> Stages);

public sealed record FlowStage(int StageNo, string StageName, int TimeLimitWorkingDays, int MilestoneRule, IReadOnlyList<CatalogItem> Items);

public sealed record StageSummary(int No, string Name, int TimeLimitWorkingDays, int MilestoneRule, int ItemCount);

public sealed record Stage(int No, string Name, int TimeLimitWorkingDays, int MilestoneRule, IReadOnlyList<CatalogItem> Items);

public sealed record CatalogItem(
    string Code, int Version, string Name, int StageNo, Department Department, int TimeLimitWorkingDays,
    string? LicenceTypeCode, string? LicenceName, string Kind, string ItemType, bool NotificationCommitment, bool Milestone,
    int TimeLimit = 0, int TimeLimitUnit = 1);

public sealed record ItemDetail(
    CatalogItem Item, string ApplicantType, string ResultDelivery, string? LegalBasis,
    IReadOnlyList<Fee> Fees, IReadOnlyList<Material> Materials, Guide Guide);

public sealed record Fee(string Name, string Basis, decimal? Amount, string? Unit);

public sealed record Material(string Name, string Form, int Copies, string Source, bool Required);

public sealed record Guide(IReadOnlyList<string> Conditions, IReadOnlyList<string> Procedure, GuideContacts? Contacts, IReadOnlyList<Faq> Faq);

public sealed record GuideContacts(string? Phone, string? Address, string? Hours);

public sealed record Faq(string Question, string Answer);

/// <summary>咨询: an applicant's question about an item, the department's answer, and whether it is in the item's FAQ.</summary>
public sealed record CatalogQuestion(
    Guid Id, string ItemCode, string DepartmentCode, string AskerName, string Text, DateTimeOffset AskedAt,
    string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt, bool Published);
