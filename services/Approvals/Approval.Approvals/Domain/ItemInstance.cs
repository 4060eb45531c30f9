using Approval.Contracts;
using Approval.Contracts.Errors;

namespace Approval.Approvals.Domain;

/// <summary>事项实例: one item of an accepted application, routed to its department.</summary>
public sealed class ItemInstance
{
    public Guid Id { get; private set; }
    public required Guid ApplicationId { get; init; }
    public required string RegionCode { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }
    public required string Holder { get; init; }
    public required string ItemCode { get; init; }
    public required string ItemName { get; init; }
    public required string DepartmentCode { get; init; }
    public required string DepartmentName { get; init; }
    public required string DepartmentCreditCode { get; init; }
    public required int TimeLimitWorkingDays { get; init; }
    public string? LicenceTypeCode { get; init; }
    public string? LicenceName { get; init; }
    public ProcessingStatus Status { get; private set; }
    public string? Opinion { get; private set; }
    public DateTimeOffset AcceptedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? ConcludedAt { get; private set; }
    public uint Version { get; private set; }

    public static ItemInstance Open(Guid applicationId, string regionCode, string projectCode, string projectName, string holder,
        string itemCode, string itemName, string departmentCode, string departmentName, string departmentCreditCode,
        int timeLimit, string? licenceTypeCode, string? licenceName, DateTimeOffset acceptedAt) => new()
    {
        Id = Guid.CreateVersion7(acceptedAt), ApplicationId = applicationId, RegionCode = regionCode, ProjectCode = projectCode,
        ProjectName = projectName, Holder = holder, ItemCode = itemCode, ItemName = itemName, DepartmentCode = departmentCode,
        DepartmentName = departmentName, DepartmentCreditCode = departmentCreditCode, TimeLimitWorkingDays = timeLimit,
        LicenceTypeCode = licenceTypeCode, LicenceName = licenceName, Status = ProcessingStatus.Accepted, AcceptedAt = acceptedAt,
    };

    /// <summary>部门开始办理.</summary>
    public void Start(DateTimeOffset now)
    {
        ItemStateMachine.EnsureCanMove(Status, ProcessingStatus.DepartmentStarted);
        Status = ProcessingStatus.DepartmentStarted;
        StartedAt = now;
    }

    /// <summary>办结（通过） or 办结（不通过）; an opinion is required either way.</summary>
    public void Conclude(bool approved, string? opinion, DateTimeOffset now)
    {
        var to = approved ? ProcessingStatus.Approved : ProcessingStatus.NotApproved;
        ItemStateMachine.EnsureCanMove(Status, to);
        if (string.IsNullOrWhiteSpace(opinion))
            throw ValidationException.For("opinion", "an opinion is required to conclude", "办结必须填写审批意见");
        Status = to;
        Opinion = opinion.Trim();
        ConcludedAt = now;
    }
}
