namespace Approval.Contracts.Events;

/// <summary>
/// 办结: the agency concluded a technical review. Conclusion is qualified (合格), qualified-after-changes (修改后合格) or
/// unqualified (不合格); Passed is true for the first two. A department item that needs a review of TypeCode for this
/// project (or engineering code) may be approved only once such a review passed (Approvals).
/// </summary>
public sealed record ReviewConcluded(
    Guid ReviewId,
    string RegionCode,
    string ProjectCode,
    string? EngineeringCode,
    string TypeCode,
    string TypeName,
    string AgencyCode,
    string OwnerId,
    string Conclusion,
    string ConclusionName,
    bool Passed,
    string? SealCode,
    DateTimeOffset ConcludedAt);
