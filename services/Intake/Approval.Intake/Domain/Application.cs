using Approval.Contracts;
using Approval.Contracts.Errors;

namespace Approval.Intake.Domain;

/// <summary>A stage application (申报): received from the applicant, decided by the window.</summary>
public sealed class Application
{
    public Guid Id { get; private set; }
    public required string RegionCode { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }
    public required string ApplicantId { get; init; }
    public required string ApplicantName { get; init; }
    public required int StageNo { get; init; }
    public required string StageName { get; init; }
    public required string FormData { get; init; }
    public required List<ApplicationItem> Items { get; init; }
    public ProcessingStatus Status { get; private set; }
    public string? DecisionReason { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    /// <summary>PostgreSQL xmin: optimistic concurrency, so two window clerks cannot both decide.</summary>
    public uint Version { get; private set; }

    public static Application Receive(
        string regionCode, string projectCode, string projectName, string applicantId, string applicantName,
        int stageNo, string stageName, string formData, List<ApplicationItem> items, DateTimeOffset now)
    {
        if (items.Count == 0) throw ValidationException.For("itemCodes", "at least one item is required", "至少选择一个事项");
        return new Application
        {
            Id = Guid.CreateVersion7(now), RegionCode = regionCode, ProjectCode = projectCode, ProjectName = projectName,
            ApplicantId = applicantId, ApplicantName = applicantName, StageNo = stageNo, StageName = stageName,
            FormData = formData, Items = items, Status = ProcessingStatus.Received, ReceivedAt = now,
        };
    }

    public void Accept(DateTimeOffset now) => Decide(ProcessingStatus.Accepted, null, now);

    /// <summary>不予受理: refused; the reason is required.</summary>
    public void Refuse(string? reason, DateTimeOffset now) => Decide(ProcessingStatus.Refused, RequireReason(reason), now);

    /// <summary>不受理: outside the window's scope; the reason is required.</summary>
    public void RejectOutOfScope(string? reason, DateTimeOffset now) => Decide(ProcessingStatus.NotAccepted, RequireReason(reason), now);

    /// <summary>撤件 by the applicant before acceptance.</summary>
    public void Withdraw(DateTimeOffset now) => Decide(ProcessingStatus.Withdrawn, null, now);

    private void Decide(ProcessingStatus to, string? reason, DateTimeOffset now)
    {
        ApplicationStateMachine.EnsureCanMove(Status, to);
        Status = to;
        DecisionReason = reason;
        DecidedAt = now;
    }

    private static string RequireReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? throw ValidationException.For("reason", "a reason is required", "必须填写理由")
            : reason.Trim();
}
