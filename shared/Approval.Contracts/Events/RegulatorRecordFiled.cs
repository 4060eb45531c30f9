namespace Approval.Contracts.Events;

/// <summary>
/// A regulator (监管部门) filed an in-process or post-approval supervision record on a project: Kind inspection (检查),
/// penalty (处罚) or rectification-order (整改通知). The project's applicants (OwnerIds, as Supervision knows them from the
/// applications) are told.
/// </summary>
public sealed record RegulatorRecordFiled(
    Guid RecordId,
    string RegionCode,
    string ProjectCode,
    string ProjectName,
    string RegulatorCode,
    string RegulatorName,
    string Kind,
    string Title,
    DateOnly OccurredOn,
    IReadOnlyList<string> OwnerIds,
    DateTimeOffset FiledAt);
