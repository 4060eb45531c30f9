namespace Approval.Contracts.Events;

/// <summary>
/// The owner corrected a registered project's basic information (项目基本信息); the project code and owner do not change.
/// Carries the whole corrected state, so a consumer replaces what it holds (the data exchange re-sends the project's rows).
/// </summary>
public sealed record ProjectUpdated(
    string ProjectCode,
    string RegionCode,
    string ProjectName,
    string Address,
    string DivisionCode,
    decimal Longitude,
    decimal Latitude,
    decimal TotalInvestment,
    int ProjectType,
    int ConstructionNature,
    DateOnly? PlannedStart,
    DateOnly? PlannedEnd,
    string Actor,
    DateTimeOffset UpdatedAt);
