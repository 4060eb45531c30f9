using Approval.Approvals.Domain;

namespace Approval.UnitTests;

/// <summary>DOMAIN.md: a stage concludes by rule 1 (all milestone items concluded) or rule 2 (any milestone item concluded).</summary>
public sealed class MilestoneRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 30, 10, 0, 0, TimeSpan.FromHours(8));

    private static (StageInstance Stage, List<ItemInstance> Items) Stage(int rule, params bool[] milestones)
    {
        var stage = new StageInstance { Id = Guid.NewGuid(), ApplicationId = Guid.NewGuid(), RegionCode = "320193", StageNo = 3, AcceptedAt = Now, MilestoneRule = rule };
        var items = milestones.Select((m, i) => OrderedDecisionTests.Open(stage, $"I{i}", $"事项{i}").WithCatalogRules(null, m, false)).ToList();
        items.ForEach(i => i.Start(Now));
        return (stage, items);
    }

    [Fact]
    public void Rule_1_waits_for_every_milestone_item_and_ignores_the_others()
    {
        var (stage, items) = Stage(1, true, true, false);
        items[0].Conclude(true, "通过", Now);
        Assert.False(stage.ConcludeIfDue(items, Now));
        items[1].ConcludeWithMaterialsToFollow("容缺通过", ["施工合同"], new DateOnly(2026, 10, 30), new DateOnly(2026, 9, 30), Now);
        Assert.True(stage.ConcludeIfDue(items, Now));
        Assert.Equal((StageStatus.Concluded, true), (stage.Status, stage.Approved));
        Assert.False(stage.ConcludeIfDue(items, Now)); // announced once
    }

    [Fact]
    public void Rule_1_concludes_not_approved_when_a_milestone_item_was_not_approved()
    {
        var (stage, items) = Stage(1, true, true);
        items[0].Conclude(false, "不符合条件", Now);
        Assert.False(stage.ConcludeIfDue(items, Now));
        items[1].Conclude(true, "通过", Now);
        Assert.True(stage.ConcludeIfDue(items, Now));
        Assert.False(stage.Approved);
    }

    [Fact]
    public void Rule_2_concludes_with_the_first_approved_milestone_item()
    {
        var (stage, items) = Stage(2, true, true, false);
        items[2].Conclude(true, "通过", Now);
        Assert.False(stage.ConcludeIfDue(items, Now)); // not a milestone item
        items[0].Conclude(true, "通过", Now);
        Assert.True(stage.ConcludeIfDue(items, Now));
        Assert.Equal((StageStatus.Concluded, true), (stage.Status, stage.Approved));
    }

    [Fact]
    public void Rule_2_concludes_with_any_milestone_item_concluded_even_not_approved()
    {
        var (stage, items) = Stage(2, true, true);
        items[0].Conclude(false, "不通过", Now);
        Assert.True(stage.ConcludeIfDue(items, Now)); // DOMAIN.md: any milestone item concluded
        Assert.Equal((StageStatus.Concluded, false), (stage.Status, stage.Approved));
        items[1].Conclude(true, "通过", Now);
        Assert.False(stage.ConcludeIfDue(items, Now)); // concluded once; a later item does not reopen it
    }

    [Fact]
    public void Without_milestone_items_every_item_counts()
    {
        var (stage, items) = Stage(1, false, false);
        items[0].Conclude(true, "通过", Now);
        Assert.Null(MilestoneRules.Outcome(1, items));
        items[1].Conclude(true, "通过", Now);
        Assert.True(MilestoneRules.Outcome(1, items));
    }
}
