using Approval.Projects.Domain;

namespace Approval.Projects.Api;

public sealed record RegisterProjectRequest(
    string? ProjectCode, string? Name, string? Address, string? DivisionCode, decimal? Longitude, decimal? Latitude,
    decimal? TotalInvestment, int? ProjectType, int? ConstructionNature, DateOnly? PlannedStart = null, DateOnly? PlannedEnd = null)
{
    public ProjectRegistration ToRegistration() => new(ProjectCode?.Trim(), new(
        Name, Address, DivisionCode?.Trim(), Longitude, Latitude, TotalInvestment, ProjectType, ConstructionNature, PlannedStart, PlannedEnd));
}

/// <summary>The owner's correction of the basic information (PUT): every correctable field, as at registration.</summary>
public sealed record UpdateProjectRequest(
    string? Name, string? Address, string? DivisionCode, decimal? Longitude, decimal? Latitude,
    decimal? TotalInvestment, int? ProjectType, int? ConstructionNature, DateOnly? PlannedStart, DateOnly? PlannedEnd)
{
    public ProjectDetails ToDetails() =>
        new(Name, Address, DivisionCode?.Trim(), Longitude, Latitude, TotalInvestment, ProjectType, ConstructionNature, PlannedStart, PlannedEnd);
}

public sealed record IssueEngineeringCodeRequest(string? Name, string? PreviousEngineeringCode);

public sealed record CodeName(int Code, string Name);

public sealed record ProjectDto(
    string ProjectCode, string RegionCode, string Name, string OwnerId, string OwnerName, string Address, string DivisionCode,
    decimal Longitude, decimal Latitude, decimal TotalInvestment, CodeName ProjectType, CodeName ConstructionNature,
    DateTimeOffset RegisteredAt, List<EngineeringDto> EngineeringCodes, DateOnly? PlannedStart, DateOnly? PlannedEnd)
{
    public static ProjectDto From(Project p, IEnumerable<Engineering> codes) => new(
        p.Code, p.RegionCode, p.Name, p.OwnerId, p.OwnerName, p.Address, p.DivisionCode, p.Longitude, p.Latitude, p.TotalInvestment,
        Type(p), Nature(p), p.RegisteredAt, codes.OrderBy(c => c.PhaseNo).Select(EngineeringDto.From).ToList(), p.PlannedStart, p.PlannedEnd);

    internal static CodeName Type(Project p) => new(p.ProjectType, CodeLists.ProjectTypes[p.ProjectType]);
    internal static CodeName Nature(Project p) => new(p.ConstructionNature, CodeLists.ConstructionNatures[p.ConstructionNature]);
}

public sealed record EngineeringDto(string EngineeringCode, int PhaseNo, string Name, string? PreviousEngineeringCode, DateTimeOffset IssuedAt)
{
    public static EngineeringDto From(Engineering e) => new(e.Code, e.PhaseNo, e.Name, e.PreviousCode, e.IssuedAt);
}

/// <summary>
/// What a stage form is prefilled from (R-6.6: data entered once is never asked for again). <see cref="Fields"/> carries
/// the same values under the "x-prefill" source names the catalog's stage forms use ("project.code", "project.name", …).
/// </summary>
public sealed record PrefillDto(
    string ProjectCode, string ProjectName, string EngineeringCode, string EngineeringName, int PhaseNo, string? PreviousEngineeringCode,
    string OwnerName, string Address, string DivisionCode, decimal Longitude, decimal Latitude, decimal TotalInvestment,
    CodeName ProjectType, CodeName ConstructionNature, Dictionary<string, string> Fields, string OwnerId = "")
{
    public static PrefillDto From(Project p, Engineering e) => new(
        p.Code, p.Name, e.Code, e.Name, e.PhaseNo, e.PreviousCode, p.OwnerName, p.Address, p.DivisionCode, p.Longitude, p.Latitude,
        p.TotalInvestment, ProjectDto.Type(p), ProjectDto.Nature(p), new()
        {
            ["project.code"] = p.Code, ["project.name"] = p.Name, ["project.address"] = p.Address,
            ["project.divisionCode"] = p.DivisionCode,
            ["project.longitude"] = p.Longitude.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["project.latitude"] = p.Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["project.totalInvestment"] = p.TotalInvestment.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["project.type"] = CodeLists.ProjectTypes[p.ProjectType], ["project.constructionNature"] = CodeLists.ConstructionNatures[p.ConstructionNature],
            ["engineering.code"] = e.Code, ["engineering.name"] = e.Name,
        }, p.OwnerId);
}
