using Approval.Approvals.Domain;

namespace Approval.UnitTests;

/// <summary>The department's gate (requiresReview): which concluded technical review serves an item instance.</summary>
public sealed class ReviewGateTests
{
    private static ItemInstance Item(string? engineering)
    {
        var stage = new StageInstance { Id = Guid.NewGuid(), ApplicationId = Guid.NewGuid(), RegionCode = "320193", ProjectCode = "P1", StageNo = 3 };
        return ItemInstance.Open(stage, "320193", "P1", "项目", "申请人", "320193-ZJ-SG-001", "施工许可", "ZJJ", "住建局", "X", 5, null, null,
            DateTimeOffset.UnixEpoch).WithSnapshot(engineering, 1, 0, 1, "construction-drawing");
    }

    private static ConcludedReview Review(string project = "P1", string? engineering = null, string type = "construction-drawing", string region = "320193") =>
        new() { ReviewId = Guid.NewGuid(), RegionCode = region, ProjectCode = project, EngineeringCode = engineering, TypeCode = type, Passed = true };

    [Fact]
    public void A_review_serves_an_item_of_its_project_region_and_type_and_of_its_phase_when_both_name_one()
    {
        Assert.True(ConcludedReview.Serves(Review(), Item("P1-001")));
        Assert.True(ConcludedReview.Serves(Review(engineering: "P1-001"), Item("P1-001")));
        Assert.True(ConcludedReview.Serves(Review(engineering: "P1-001"), Item(null)));
        Assert.False(ConcludedReview.Serves(Review(engineering: "P1-002"), Item("P1-001")));
        Assert.False(ConcludedReview.Serves(Review(project: "P2"), Item("P1-001")));
        Assert.False(ConcludedReview.Serves(Review(type: "energy"), Item("P1-001")));
        Assert.False(ConcludedReview.Serves(Review(region: "320200"), Item("P1-001")));
    }

    [Fact]
    public void The_refusal_names_the_review_and_the_latest_conclusion()
    {
        var none = new ReviewResultMissingException(Item(null), null);
        Assert.Contains("construction-drawing", none.Message);
        Assert.Contains("尚无已办结的技术审查", none.ChineseMessage);
        var failed = new ReviewResultMissingException(Item(null), new ConcludedReview { TypeName = "施工图审查", ConclusionName = "不合格" });
        Assert.Contains("施工图审查", failed.ChineseMessage);
        Assert.Contains("不合格", failed.ChineseMessage);
    }
}
