using Approval.Catalog.Domain;
using Approval.Catalog.Import;

namespace Approval.UnitTests;

/// <summary>有序审批 in the region pack: an item follows an existing item of its own stage, without cycles.</summary>
public sealed class ItemOrderTests
{
    private static ItemDefinition Item(string code, int stage = 3, string? after = null) => new(code, code, stage, "ZJJ", 5, After: after);

    private static IReadOnlyList<string> Errors(params ItemDefinition[] items) => RegionPackValidator.Validate(new RegionPack(
        new PackRegion("320193", "示范区"), [new PackDepartment("ZJJ", "住建局", "11320193MB0001001K")],
        [new PackStage(2, "工程建设许可", 15), new PackStage(3, "施工许可", 15)], [.. items]), "catalog.json");

    [Fact]
    public void An_item_may_follow_another_item_of_its_stage() => Assert.Empty(Errors(Item("A"), Item("B", after: "A"), Item("C", after: "B")));

    [Fact]
    public void The_earlier_item_must_exist_and_share_the_stage()
    {
        var errors = Errors(Item("A", stage: 2), Item("B", after: "A"), Item("C", after: "NONE"));
        Assert.Contains(errors, e => e.StartsWith("catalog.json: items[1].after:") && e.Contains("stage 2"));
        Assert.Contains(errors, e => e.StartsWith("catalog.json: items[2].after:") && e.Contains("unknown item 'NONE'"));
    }

    [Fact]
    public void A_cycle_is_refused_at_every_item_in_it_and_an_item_cannot_follow_itself()
    {
        var errors = Errors(Item("A", after: "C"), Item("B", after: "A"), Item("C", after: "B"), Item("D", after: "D"));
        foreach (var i in new[] { 0, 1, 2 }) Assert.Contains(errors, e => e.StartsWith($"catalog.json: items[{i}].after:") && e.Contains("cycle"));
        Assert.Contains(errors, e => e.StartsWith("catalog.json: items[3].after:") && e.Contains("itself"));
    }

    [Fact]
    public void In_the_demo_region_the_construction_permit_follows_the_fire_design_review()
    {
        var pack = RegionPackFile.Read(Path.Combine(RepoPaths.RegionPack(), "catalog.json"));
        Assert.Equal("320193-ZJ-SG-002", pack.Items.Single(i => i.Code == "320193-ZJ-SG-001").After);
    }
}
