namespace Approval.Contracts.Events;

/// <summary>A project was registered with its investment project code (项目代码); its owner is the registering applicant.</summary>
public sealed record ProjectRegistered(
    string ProjectCode,
    string RegionCode,
    string ProjectName,
    string OwnerId,
    string OwnerName,
    string Address,
    string DivisionCode,
    decimal Longitude,
    decimal Latitude,
    decimal TotalInvestment,
    int ProjectType,
    int ConstructionNature,
    DateTimeOffset RegisteredAt,
    // 拟开工时间 / 拟建成时间 as the applicant stated them (null: not stated, from older publishers too). The data exchange
    // (SPGL project table) needs both, the start before the end.
    DateOnly? PlannedStart = null,
    DateOnly? PlannedEnd = null);
