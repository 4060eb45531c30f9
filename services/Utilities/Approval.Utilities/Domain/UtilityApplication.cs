namespace Approval.Utilities.Domain;

/// <summary>
/// One connection application (联合报装, one form) of an applicant for a project's engineering code: one
/// <see cref="UtilityRequest"/> per utility and service type, each on its own steps and clock.
/// </summary>
public sealed class UtilityApplication
{
    public Guid Id { get; private set; }
    public required string RegionCode { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }
    public required string EngineeringCode { get; init; }
    public required string ApplicantId { get; init; }
    public required string ApplicantName { get; init; }
    /// <summary>The connection address (用水/用电/用气地址).</summary>
    public required string Address { get; init; }
    public DateTimeOffset AppliedAt { get; init; }

    public static UtilityApplication Create(string regionCode, string projectCode, string projectName, string engineeringCode,
        string applicantId, string applicantName, string address, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), RegionCode = regionCode, ProjectCode = projectCode, ProjectName = projectName, EngineeringCode = engineeringCode,
        ApplicantId = applicantId, ApplicantName = applicantName, Address = address, AppliedAt = now,
    };
}

/// <summary>A utility of the region (a pack organisation) and the service types it provides, with its public guide and fee standard .</summary>
public sealed record UtilityProvider(string Code, string Name, IReadOnlyList<string> ServiceTypes, string Guide, string FeeStandard);
