namespace Approval.Approvals.Domain;

/// <summary>
/// 撤回 (status 14): the department recalls its own decision within the region's grace period after the conclusion
/// (DeploymentRegion.RecallGrace) — a decision made in error is withdrawn, the item is open again and decided anew.
/// A decision already acted on (a commitment checked, owed materials handed in, the approval revoked) stays.
/// </summary>
public sealed partial class ItemInstance
{
    public string? RecallReason { get; private set; }
    public DateTimeOffset? RecalledAt { get; private set; }

    /// <summary>Until when the department may recall its decision (null: not concluded, or acted on since).</summary>
    public DateTimeOffset? RecallableUntil(TimeSpan grace) =>
        ConcludedAt is { } at && ItemStateMachine.CanMove(Status, ProcessingStatus.Recalled) && !ActedOnSinceConclusion ? at + grace : null;

    private bool ActedOnSinceConclusion => CommitmentVerifiedAt is not null || MaterialsHandedIn.Count > 0;

    /// <summary>Recalls the decision: it was approved (a certificate may have been issued for it) or not.</summary>
    public bool Recall(string? reason, TimeSpan grace, DateTimeOffset now)
    {
        ItemStateMachine.EnsureCanMove(Status, ProcessingStatus.Recalled);
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
            throw ValidationException.For("reason", "is required, at most 500 characters", "必须填写撤回理由（最多500字）");
        if (ActedOnSinceConclusion)
            throw new RequestRefusedException(StatusCodes.Status409Conflict, "Decision acted on / 办结决定已有后续办理",
                "the decision has been acted on since (commitment checked or materials handed in) and can no longer be recalled",
                "该办结决定已有后续办理（承诺核查或材料补交），不能撤回");
        if (RecallableUntil(grace) is not { } until || now > until)
            throw new RequestRefusedException(StatusCodes.Status409Conflict, "Recall period over / 已超过撤回期限",
                $"a decision may be recalled within {grace.TotalHours:0} hours of the conclusion",
                $"办结决定只能在办结后{grace.TotalHours:0}小时内撤回，已超过撤回期限");
        var wasApproved = Status != ProcessingStatus.NotApproved;
        Status = ProcessingStatus.Recalled;
        RecallReason = reason.Trim();
        RecalledAt = now;
        ConcludedAt = null;
        Opinion = null;
        MaterialsToFollow = [];
        MaterialsDue = null;
        Commitment = null;
        CommitmentDue = null;
        CertificateReference = null;
        return wasApproved;
    }
}
