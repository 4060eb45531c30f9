using Approval.Approvals.Domain;
using Approval.Contracts;

namespace Approval.UnitTests;

/// <summary>R-7.8: ordered items start together; the later one decides only after the earlier one concluded.</summary>
public sealed class OrderedDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 24, 10, 0, 0, TimeSpan.FromHours(8));

    internal static (StageInstance Stage, ItemInstance Earlier, ItemInstance Later) OrderedPair(int milestoneRule = 1)
    {
        var stage = new StageInstance { Id = Guid.NewGuid(), ApplicationId = Guid.NewGuid(), RegionCode = "320193", StageNo = 3, AcceptedAt = Now, MilestoneRule = milestoneRule };
        var earlier = Open(stage, "320193-ZJ-SG-002", "建设工程消防设计审查").WithCatalogRules(null, false, false);
        var later = Open(stage, "320193-ZJ-SG-001", "建筑工程施工许可证核发").WithCatalogRules("320193-ZJ-SG-002", true, false);
        return (stage, earlier, later);
    }

    internal static ItemInstance Open(StageInstance stage, string code, string name, string department = "ZJJ") => ItemInstance.Open(
        stage, "320193", "2509-320193-89-01-544060", "示范项目", "示范建设有限公司", code, name, department, department, "11320193MB0001001K", 5, null, null, Now);

    [Fact]
    public void Both_start_at_once_but_the_later_item_cannot_decide_first_and_the_refusal_names_the_earlier_item()
    {
        var (_, earlier, later) = OrderedPair();
        earlier.Start(Now);
        later.Start(Now);
        var refused = Assert.Throws<EarlierItemUndecidedException>(() => later.EnsureMayDecide(earlier));
        Assert.Equal("320193-ZJ-SG-002", refused.BlockingItemCode);
        Assert.Contains("320193-ZJ-SG-002", refused.Message);
        Assert.Contains("建设工程消防设计审查", refused.ChineseMessage);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Once_the_earlier_item_concluded_either_way_the_later_may_decide(bool approved)
    {
        var (_, earlier, later) = OrderedPair();
        earlier.Start(Now);
        later.Start(Now);
        earlier.Conclude(approved, "意见", Now);
        later.EnsureMayDecide(earlier);
        later.Conclude(true, "准予许可", Now);
        Assert.Equal(ProcessingStatus.Approved, later.Status);
    }

    [Fact]
    public void An_item_without_order_or_whose_earlier_item_is_not_in_the_stage_instance_decides_independently()
    {
        var (_, earlier, later) = OrderedPair();
        earlier.Start(Now);
        later.Start(Now);
        // The earlier item has no order: even an undecided item of its stage does not hold it back.
        earlier.EnsureMayDecide(later);
        earlier.Conclude(true, "准予", Now);
        Assert.Equal(ProcessingStatus.Approved, earlier.Status);

        // The later item's earlier item was not applied for in this stage instance (none given): it decides on its own.
        var (_, _, alone) = OrderedPair();
        alone.Start(Now);
        alone.EnsureMayDecide(null);
        alone.Conclude(true, "准予许可", Now);
        Assert.Equal(ProcessingStatus.Approved, alone.Status);
    }

    [Fact]
    public void An_item_given_as_earlier_that_is_not_its_earlier_item_is_a_programming_error_naming_both()
    {
        var (_, earlier, later) = OrderedPair();
        earlier.Start(Now);
        later.Start(Now);
        // The right item code, but of another stage instance (another application's fire-design review).
        var (_, elsewhere, _) = OrderedPair();
        var otherStage = Assert.Throws<InvalidOperationException>(() => later.EnsureMayDecide(elsewhere));
        Assert.Equal($"item instance {elsewhere.Id} is not the earlier item of {later.Id}", otherStage.Message);
        // The same stage instance, but another item than the one it follows (the later item itself).
        var otherItem = Assert.Throws<InvalidOperationException>(() => later.EnsureMayDecide(later));
        Assert.Equal($"item instance {later.Id} is not the earlier item of {later.Id}", otherItem.Message);
        // Neither was mistaken for the earlier item having concluded: the later still waits for it.
        Assert.Throws<EarlierItemUndecidedException>(() => later.EnsureMayDecide(earlier));
    }
}
