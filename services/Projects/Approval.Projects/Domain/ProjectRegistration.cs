namespace Approval.Projects.Domain;

/// <summary>What an applicant states when registering a project (all fields are checked by <see cref="Project.Register"/>).</summary>
public sealed record ProjectRegistration(
    string? ProjectCode,
    string? Name,
    string? Address,
    string? DivisionCode,
    decimal? Longitude,
    decimal? Latitude,
    decimal? TotalInvestment,
    int? ProjectType,
    int? ConstructionNature);
