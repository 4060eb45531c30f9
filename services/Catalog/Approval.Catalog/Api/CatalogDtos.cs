namespace Approval.Catalog.Api;

public sealed record RegionDto(string Code, string Name, IReadOnlyList<DepartmentDto> Departments);

public sealed record DepartmentDto(string Code, string Name, string CreditCode);

public sealed record StageSummaryDto(int No, string Name, int TimeLimitWorkingDays, int ItemCount);

public sealed record StageDto(int No, string Name, int TimeLimitWorkingDays, IReadOnlyList<ItemDto> Items);

public sealed record ItemDto(
    string Code, string Name, int StageNo, DepartmentDto Department, int TimeLimitWorkingDays,
    string? LicenceTypeCode, string? LicenceName);
