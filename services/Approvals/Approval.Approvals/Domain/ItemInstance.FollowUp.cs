namespace Approval.Approvals.Domain;

/// <summary>
/// What follows a decision: the applicant's commitment of a 告知承诺制 item and its verification (R-7.11), the
/// materials owed after 办结（容缺通过） and their hand-in, the result certificate's reference, and 撤销.
/// </summary>
public sealed partial class ItemInstance
{
    /// <summary>告知承诺: what the applicant committed to, and by when it must be fulfilled.</summary>
    public string? Commitment { get; private set; }
    public DateOnly? CommitmentDue { get; private set; }
    /// <summary>Null until the department verified it; then fulfilled or not.</summary>
    public bool? CommitmentFulfilled { get; private set; }
    public string? CommitmentVerification { get; private set; }
    public DateTimeOffset? CommitmentVerifiedAt { get; private set; }
    /// <summary>容缺后补: the owed materials handed in so far, and when the last of them arrived.</summary>
    public List<string> MaterialsHandedIn { get; private set; } = [];
    public DateTimeOffset? MaterialsCompletedAt { get; private set; }
    /// <summary>The result certificate's reference (文号 or e-licence identifier) a department system reported.</summary>
    public string? CertificateReference { get; private set; }
    public string? RevocationReason { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>办结（通过） of a 告知承诺制 item, decided on the applicant's commitment, to be fulfilled by a date after today.</summary>
    public void ConcludeOnCommitment(string? opinion, string? commitment, DateOnly? due, DateOnly today, DateTimeOffset now)
    {
        if (!NotificationCommitment)
            throw ValidationException.For("commitment", "only a notification-commitment item is decided on a commitment", "仅告知承诺制事项可依承诺办结");
        new FieldErrors()
            .Require(!string.IsNullOrWhiteSpace(commitment), "commitment", "state what the applicant committed to", "必须填写申请人承诺内容")
            .Require(due is { } d && d > today, "commitmentDue", "a due date after today is required", "必须填写晚于今日的承诺履行期限")
            .ThrowIfAny();
        Conclude(true, opinion, now);
        Commitment = commitment!.Trim();
        CommitmentDue = due;
    }

    /// <summary>The department checks whether the commitment was kept; once, while the approval stands.</summary>
    public void VerifyCommitment(bool fulfilled, string? note, DateTimeOffset now)
    {
        if (Commitment is null) throw new NoCommitmentException(this);
        if (Status != ProcessingStatus.Approved) throw new InvalidTransitionException("Item instance 事项实例", Status, ProcessingStatus.Approved);
        if (CommitmentFulfilled is not null) throw new CommitmentAlreadyVerifiedException(this);
        if (!fulfilled && string.IsNullOrWhiteSpace(note))
            throw ValidationException.For("note", "say what was not fulfilled", "未履行承诺须说明情况");
        CommitmentFulfilled = fulfilled;
        CommitmentVerification = note?.Trim();
        CommitmentVerifiedAt = now;
    }

    /// <summary>The applicant (or the window for them) hands in some or all of the materials owed after 办结（容缺通过）.</summary>
    public IReadOnlyList<string> HandInMaterials(IReadOnlyCollection<string>? materials, DateTimeOffset now)
    {
        if (Status != ProcessingStatus.ApprovedWithMaterialsToFollow || MaterialsCompletedAt is not null)
            throw new NothingOwedException(this);
        var named = (materials ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).Distinct().ToList();
        var unknown = named.Where(m => !MaterialsToFollow.Contains(m)).ToList();
        new FieldErrors()
            .Require(named.Count > 0, "materials", "name at least one material handed in", "至少列明一项补交材料")
            .Require(unknown.Count == 0, "materials", $"not owed: {string.Join(", ", unknown)}", $"不属于容缺后补材料：{string.Join("、", unknown)}")
            .ThrowIfAny();
        var fresh = named.Except(MaterialsHandedIn).ToList();
        MaterialsHandedIn = [.. MaterialsHandedIn, .. fresh];
        if (MaterialsToFollow.All(MaterialsHandedIn.Contains)) MaterialsCompletedAt = now;
        return fresh;
    }

    public void RecordCertificate(string? reference)
    {
        if (Status is not (ProcessingStatus.Approved or ProcessingStatus.ApprovedWithMaterialsToFollow))
            throw new InvalidTransitionException("Item instance 事项实例", Status, ProcessingStatus.Approved);
        if (string.IsNullOrWhiteSpace(reference) || reference.Trim().Length > 200)
            throw ValidationException.For("certificateReference", "1–200 characters", "证照编号应为1至200个字符");
        CertificateReference = reference.Trim();
    }

    /// <summary>撤销 (15): an approval is withdrawn by its department, e.g. for a commitment not kept; the reason is required.</summary>
    public void Revoke(string? reason, DateTimeOffset now)
    {
        ItemStateMachine.EnsureCanMove(Status, ProcessingStatus.Revoked);
        if (string.IsNullOrWhiteSpace(reason)) throw ValidationException.For("reason", "is required", "必须填写撤销理由");
        Status = ProcessingStatus.Revoked;
        RevocationReason = reason.Trim();
        RevokedAt = now;
    }

    /// <summary>Why the item needs the department's follow-up today, if it does (a task in its follow-up list).</summary>
    public FollowUpReason? FollowUp(DateOnly today) => Status switch
    {
        ProcessingStatus.Approved when Commitment is not null && CommitmentFulfilled == false => FollowUpReason.CommitmentNotFulfilled,
        ProcessingStatus.Approved when Commitment is not null && CommitmentFulfilled is null && CommitmentDue < today => FollowUpReason.CommitmentOverdue,
        ProcessingStatus.ApprovedWithMaterialsToFollow when MaterialsCompletedAt is null && MaterialsDue < today => FollowUpReason.MaterialsOverdue,
        _ => null,
    };
}

/// <summary>A follow-up task's cause.</summary>
public enum FollowUpReason
{
    CommitmentNotFulfilled = 1,  // 承诺未履行
    CommitmentOverdue = 2,       // 承诺逾期未核查
    MaterialsOverdue = 3,        // 容缺材料逾期未补交
}

public static class FollowUpReasonNames
{
    public static string ChineseName(this FollowUpReason reason) => reason switch
    {
        FollowUpReason.CommitmentNotFulfilled => "承诺未履行",
        FollowUpReason.CommitmentOverdue => "承诺期限已过，尚未核查",
        FollowUpReason.MaterialsOverdue => "容缺后补材料逾期未补交",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}

public sealed class NoCommitmentException(ItemInstance item)
    : DomainException($"Item instance {item.Id} was not decided on a commitment.", "该事项未依告知承诺办结，无需核查承诺。");

public sealed class CommitmentAlreadyVerifiedException(ItemInstance item)
    : DomainException($"The commitment of item instance {item.Id} is already verified.", "该承诺已核查。");

public sealed class NothingOwedException(ItemInstance item)
    : DomainException($"Item instance {item.Id} owes no materials.", "该事项没有待补交的容缺材料。");
