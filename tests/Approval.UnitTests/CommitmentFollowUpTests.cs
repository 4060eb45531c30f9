using Approval.Approvals.Domain;
using Approval.Contracts;
using Approval.Contracts.Errors;

namespace Approval.UnitTests;

/// <summary>R-7.11 告知承诺: decided on a commitment, verified later, followed up when unfulfilled or overdue; and 容缺 hand-in.</summary>
public sealed class CommitmentFollowUpTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 30, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Today = new(2026, 9, 30);

    private static ItemInstance Item(bool notificationCommitment)
    {
        var stage = new StageInstance { Id = Guid.NewGuid(), ApplicationId = Guid.NewGuid(), RegionCode = "320193", StageNo = 3, AcceptedAt = Now };
        var item = OrderedDecisionTests.Open(stage, "320193-RF-SG-001", "结合民用建筑修建防空地下室审批", "RFB").WithCatalogRules(null, false, notificationCommitment);
        item.Start(Now);
        return item;
    }

    [Fact]
    public void A_commitment_item_is_approved_on_the_commitment_and_needs_a_due_date_after_today()
    {
        var item = Item(true);
        var bad = Assert.Throws<ValidationException>(() => item.ConcludeOnCommitment("同意", " ", Today, Today, Now));
        Assert.Equal(["commitment", "commitmentDue"], bad.Errors.Keys.Order());
        item.ConcludeOnCommitment("依承诺准予", "开工前补齐人防设计审查意见", Today.AddDays(30), Today, Now);
        Assert.Equal((ProcessingStatus.Approved, "开工前补齐人防设计审查意见"), (item.Status, item.Commitment));
        Assert.Null(item.FollowUp(Today));
        Assert.Throws<ValidationException>(() => Item(false).ConcludeOnCommitment("同意", "承诺", Today.AddDays(30), Today, Now));
    }

    [Fact]
    public void An_unchecked_commitment_past_its_deadline_becomes_a_follow_up_task()
    {
        var item = Item(true);
        item.ConcludeOnCommitment("依承诺准予", "承诺内容", Today.AddDays(10), Today, Now);
        Assert.Null(item.FollowUp(Today.AddDays(10)));
        Assert.Equal(FollowUpReason.CommitmentOverdue, item.FollowUp(Today.AddDays(11)));
        item.VerifyCommitment(true, null, Now.AddDays(12));
        Assert.Null(item.FollowUp(Today.AddDays(12)));
        Assert.Throws<CommitmentAlreadyVerifiedException>(() => item.VerifyCommitment(false, "再查", Now.AddDays(13)));
    }

    [Fact]
    public void An_unfulfilled_commitment_is_followed_up_until_the_approval_is_revoked()
    {
        var item = Item(true);
        item.ConcludeOnCommitment("依承诺准予", "承诺内容", Today.AddDays(10), Today, Now);
        Assert.Throws<ValidationException>(() => item.VerifyCommitment(false, null, Now));
        item.VerifyCommitment(false, "现场核查未按承诺建设", Now.AddDays(5));
        Assert.Equal(FollowUpReason.CommitmentNotFulfilled, item.FollowUp(Today.AddDays(5)));
        item.Revoke("承诺未履行，撤销审批决定", Now.AddDays(6));
        Assert.Equal(ProcessingStatus.Revoked, item.Status);
        Assert.Null(item.FollowUp(Today.AddDays(6)));
        Assert.Throws<InvalidTransitionException>(() => item.Revoke("again", Now.AddDays(7)));
    }

    [Fact]
    public void Verifying_an_item_not_decided_on_a_commitment_is_refused()
    {
        var item = Item(false);
        item.Conclude(true, "通过", Now);
        Assert.Throws<NoCommitmentException>(() => item.VerifyCommitment(true, null, Now));
    }

    [Fact]
    public void Owed_materials_are_handed_in_piece_by_piece_and_overdue_ones_are_followed_up()
    {
        var item = Item(false);
        item.ConcludeWithMaterialsToFollow("容缺通过", ["施工合同", "监理合同"], Today.AddDays(10), Today, Now);
        Assert.Equal(FollowUpReason.MaterialsOverdue, item.FollowUp(Today.AddDays(11)));
        Assert.Throws<ValidationException>(() => item.HandInMaterials(["不欠的材料"], Now));
        Assert.Equal(["施工合同"], item.HandInMaterials(["施工合同", " 施工合同 "], Now.AddDays(1)));
        Assert.Null(item.MaterialsCompletedAt);
        Assert.Equal(FollowUpReason.MaterialsOverdue, item.FollowUp(Today.AddDays(11)));
        item.HandInMaterials(["监理合同"], Now.AddDays(2));
        Assert.Equal(Now.AddDays(2), item.MaterialsCompletedAt);
        Assert.Null(item.FollowUp(Today.AddDays(11)));
        Assert.Throws<NothingOwedException>(() => item.HandInMaterials(["监理合同"], Now.AddDays(3)));
    }
}
