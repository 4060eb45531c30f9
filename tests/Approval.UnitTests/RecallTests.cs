using Approval.Approvals.Domain;
using Approval.Contracts;
using Approval.Contracts.Errors;
using Approval.ServiceDefaults.Region;

namespace Approval.UnitTests;

/// <summary>撤回 (status 14, issue 15 item 7): a department recalls its own decision within the region's grace period.</summary>
public sealed class RecallTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 30, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Grace = TimeSpan.FromHours(24);

    private static (StageInstance Stage, ItemInstance Item) Concluded(bool approved)
    {
        var stage = new StageInstance { Id = Guid.NewGuid(), ApplicationId = Guid.NewGuid(), RegionCode = "320193", StageNo = 3, AcceptedAt = Now };
        var item = OrderedDecisionTests.Open(stage, "320193-ZJ-SG-001", "建筑工程施工许可证核发", "ZJJ").WithCatalogRules(null, true, false);
        item.Start(Now);
        item.Conclude(approved, approved ? "准予许可" : "不予许可", Now);
        Assert.True(stage.ConcludeIfDue([item], Now));
        return (stage, item);
    }

    [Fact]
    public void A_decision_recalled_within_the_grace_period_opens_the_item_and_its_stage_again()
    {
        var (stage, item) = Concluded(approved: true);
        Assert.Equal(Now + Grace, item.RecallableUntil(Grace));
        Assert.True(item.Recall(" 误将不符合条件的申请准予许可 ", Grace, Now.AddHours(23)));
        Assert.Equal((ProcessingStatus.Recalled, "误将不符合条件的申请准予许可", (DateTimeOffset?)null, (string?)null),
            (item.Status, item.RecallReason, item.ConcludedAt, item.Opinion));
        Assert.Null(item.RecallableUntil(Grace));
        Assert.True(stage.Reopen());
        Assert.Equal((StageStatus.InProgress, (bool?)null), (stage.Status, stage.Approved));
        Assert.False(stage.Reopen());

        // decided anew: the stage concludes again by its milestone rule
        item.Conclude(false, "不予许可", Now.AddHours(24));
        Assert.Equal(ProcessingStatus.NotApproved, item.Status);
        Assert.True(stage.ConcludeIfDue([item], Now.AddHours(24)));
        Assert.False(stage.Approved);
    }

    [Fact]
    public void A_refusal_may_be_recalled_too_and_says_it_was_no_approval() =>
        Assert.False(Concluded(approved: false).Item.Recall("补充材料后应予许可", Grace, Now.AddHours(1)));

    [Fact]
    public void After_the_grace_period_a_recall_is_refused_and_changes_nothing()
    {
        var (_, item) = Concluded(approved: true);
        var e = Assert.Throws<RequestRefusedException>(() => item.Recall("太迟", Grace, Now + Grace + TimeSpan.FromMinutes(1)));
        Assert.Equal(409, e.Status);
        Assert.Contains("24小时", e.ChineseMessage);
        Assert.Equal(ProcessingStatus.Approved, item.Status);
        Assert.Equal(Now, item.ConcludedAt);
    }

    [Fact]
    public void A_recall_needs_a_reason_and_a_concluded_item()
    {
        var (_, item) = Concluded(approved: true);
        Assert.Contains("reason", Assert.Throws<ValidationException>(() => item.Recall(" ", Grace, Now)).Errors.Keys);
        var open = OrderedDecisionTests.Open(new StageInstance { Id = Guid.NewGuid(), RegionCode = "320193" }, "320193-CG-SG-001", "建筑垃圾处置核准", "CGJ");
        open.Start(Now);
        Assert.Throws<InvalidTransitionException>(() => open.Recall("未办结", Grace, Now));
        Assert.Null(open.RecallableUntil(Grace));
    }

    [Fact]
    public void An_approval_acted_on_since_cannot_be_recalled()
    {
        var stage = new StageInstance { Id = Guid.NewGuid(), ApplicationId = Guid.NewGuid(), RegionCode = "320193", StageNo = 3, AcceptedAt = Now };
        var item = OrderedDecisionTests.Open(stage, "320193-RF-SG-001", "结合民用建筑修建防空地下室审批", "RFB").WithCatalogRules(null, false, true);
        item.Start(Now);
        item.ConcludeOnCommitment("依承诺准予", "开工前补齐审查意见", new DateOnly(2026, 10, 30), new DateOnly(2026, 9, 30), Now);
        item.VerifyCommitment(true, null, Now.AddHours(1));
        Assert.Null(item.RecallableUntil(Grace));
        Assert.Equal(409, Assert.Throws<RequestRefusedException>(() => item.Recall("误判", Grace, Now.AddHours(2))).Status);
    }

    [Fact]
    public void The_region_pack_states_the_grace_period() =>
        Assert.Equal(TimeSpan.FromHours(24), DeploymentRegion.Read(RepoPaths.RegionPack()).RecallGrace);
}
