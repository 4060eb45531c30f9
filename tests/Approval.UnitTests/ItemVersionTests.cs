using Approval.Catalog.Domain;

namespace Approval.UnitTests;

public sealed class ItemVersionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly ItemDefinition V1 = new("A", "施工许可", 3, "ZJJ", 5);

    [Fact]
    public void A_draft_can_be_edited_until_it_is_published()
    {
        var draft = ItemVersion.Draft(V1, 2);
        draft.Edit(V1 with { Name = "施工许可（修订）", TimeLimitWorkingDays = 3 });
        Assert.Equal(("施工许可（修订）", 3, 2), (draft.Name, draft.Definition.TimeLimitWorkingDays, draft.Definition.Version));
        draft.Publish(new DateOnly(2026, 12, 1), Now);
        Assert.Equal(ItemVersionStatus.Published, draft.Status);
        Assert.Equal(new DateOnly(2026, 12, 1), draft.Definition.EffectiveFrom);
    }

    [Fact]
    public void A_published_version_is_immutable()
    {
        var published = ItemVersion.Published(V1, new DateOnly(2025, 1, 1), Now);
        Assert.Throws<PublishedVersionException>(() => published.Edit(V1 with { Name = "改名" }));
        Assert.Throws<PublishedVersionException>(() => published.Publish(new DateOnly(2026, 1, 1), Now));
        Assert.Equal("施工许可", published.Name);
        Assert.Equal(new DateOnly(2025, 1, 1), published.EffectiveFrom);
    }

    [Fact]
    public void A_new_version_supersedes_the_old_one_from_its_date_and_drafts_never_count()
    {
        var v1 = ItemVersion.Published(V1, new DateOnly(2025, 1, 1), Now);
        var v2 = ItemVersion.Draft(V1 with { Name = "v2" }, 2);
        v2.Publish(new DateOnly(2026, 12, 1), Now);
        var v3 = ItemVersion.Draft(V1 with { Name = "v3" }, 3);
        var other = ItemVersion.Published(V1 with { Code = "B" }, new DateOnly(2025, 1, 1), Now);

        Assert.Equal([("A", 1), ("B", 1)], CurrentVersions.On([v1, v2, v3, other], new DateOnly(2026, 11, 30)).Select(v => (v.Code, v.Version)));
        Assert.Equal([("A", 2), ("B", 1)], CurrentVersions.On([v1, v2, v3, other], new DateOnly(2026, 12, 1)).Select(v => (v.Code, v.Version)));
        Assert.Empty(CurrentVersions.On([v1], new DateOnly(2024, 12, 31)));
    }
}
