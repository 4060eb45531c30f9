namespace Approval.Portal.Clients;

/// <summary>登记项目 as the Projects service takes it (docs/projects.md): the field names are the API's, for its errors.</summary>
public sealed record ProjectRegistration(
    string? ProjectCode, string? Name, string? Address, string? DivisionCode, decimal? Longitude, decimal? Latitude,
    decimal? TotalInvestment, int? ProjectType, int? ConstructionNature, DateOnly? PlannedStart, DateOnly? PlannedEnd);

/// <summary>修改项目基本信息 (PUT): the registration's fields without the project code, which never changes.</summary>
public sealed record ProjectCorrection(
    string? Name, string? Address, string? DivisionCode, decimal? Longitude, decimal? Latitude,
    decimal? TotalInvestment, int? ProjectType, int? ConstructionNature, DateOnly? PlannedStart, DateOnly? PlannedEnd);

public sealed record ProjectCodeName(int Code, string Name);

/// <summary>One of the applicant's projects with the engineering codes (工程代码) of its phases and batches.</summary>
public sealed record Project(
    string ProjectCode, string RegionCode, string Name, string OwnerName, string Address, string DivisionCode,
    decimal Longitude, decimal Latitude, decimal TotalInvestment, ProjectCodeName ProjectType, ProjectCodeName ConstructionNature,
    DateTimeOffset RegisteredAt, List<Engineering> EngineeringCodes, DateOnly? PlannedStart = null, DateOnly? PlannedEnd = null);

public sealed record Engineering(string EngineeringCode, int PhaseNo, string Name, string? PreviousEngineeringCode, DateTimeOffset IssuedAt);

/// <summary>The code lists of a project (the Projects service's Domain/CodeLists.cs; its 400 names the allowed codes).</summary>
public static class ProjectCodeLists
{
    public static readonly IReadOnlyList<(int Code, string Name)> ProjectTypes = [(1, "审批类"), (2, "核准类"), (3, "备案类")];
    public static readonly IReadOnlyList<(int Code, string Name)> ConstructionNatures =
        [(1, "新建"), (2, "扩建"), (3, "改建"), (4, "迁建"), (5, "恢复"), (9, "其他")];
}
