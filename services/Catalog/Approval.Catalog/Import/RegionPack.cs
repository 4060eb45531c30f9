namespace Approval.Catalog.Import;

/// <summary>The JSON shape of regions/&lt;region-code&gt;/catalog.json.</summary>
public sealed record RegionPack(PackRegion Region, List<PackDepartment> Departments, List<PackStage> Stages, List<PackItem> Items);

public sealed record PackRegion(string Code, string Name);

public sealed record PackDepartment(string Code, string Name, string CreditCode);

public sealed record PackStage(int No, string Name, int TimeLimitWorkingDays);

public sealed record PackItem(string Code, string Name, int StageNo, string DepartmentCode, int TimeLimitWorkingDays, PackLicence? Licence);

public sealed record PackLicence(string TypeCode, string Name);
