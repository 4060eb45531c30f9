namespace Approval.Projects.Domain;

/// <summary>What an applicant states when registering a project (all fields are checked by <see cref="Project.Register"/>).</summary>
public sealed record ProjectRegistration(string? ProjectCode, ProjectDetails Details);

/// <summary>
/// A project's basic information (项目基本信息) that the owner states at registration and may correct later
/// (<see cref="Project.Correct"/>); both are checked by the same rules. The project code and the owner are not part of it.
/// </summary>
public sealed record ProjectDetails(
    string? Name,
    string? Address,
    string? DivisionCode,
    decimal? Longitude,
    decimal? Latitude,
    decimal? TotalInvestment,
    int? ProjectType,
    int? ConstructionNature,
    DateOnly? PlannedStart = null,
    DateOnly? PlannedEnd = null);
