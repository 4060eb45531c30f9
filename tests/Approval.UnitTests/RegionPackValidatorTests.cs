using Approval.Catalog.Domain;
using Approval.Catalog.Import;

namespace Approval.UnitTests;

public sealed class RegionPackValidatorTests
{
    private static RegionPack Valid() => new(
        new PackRegion("320193", "示范区"),
        [new PackDepartment("ZJJ", "住建局", "11320193MB0001001K")],
        [new PackStage(3, "施工许可", 15)],
        [new ItemDefinition("I1", "施工许可证核发", 3, "ZJJ", 5, new LicenceSpec("11100000MB0000001T001", "建筑工程施工许可证"))]);

    [Fact]
    public void The_demo_region_pack_in_the_repository_is_valid()
    {
        var file = Path.Combine(RepoPaths.RegionPack(), "catalog.json");
        var pack = RegionPackFile.Read(file);
        Assert.Empty(RegionPackValidator.Validate(pack, file));
        Assert.True(pack.Items.Count >= 20, "at least 20 items");
        Assert.True(pack.Items.Select(i => i.DepartmentCode).Distinct().Count() >= 8, "from at least 8 departments");
        Assert.Equal([1, 2, 3, 4, 5], pack.Items.Select(i => i.StageNo).Distinct().Order());
        foreach (var kind in new[] { ItemKinds.TechnicalReview, ItemKinds.Intermediary, ItemKinds.Utility })
            Assert.Contains(pack.Items, i => i.Kind == kind);
        Assert.Contains(pack.Items, i => i.NotificationCommitment);
        Assert.Equal(4, pack.Flows!.Count);
        // The skeleton case's two items keep their codes, departments and licence types.
        Assert.Contains(pack.Items, i => i is { Code: "320193-ZJ-SG-001", StageNo: 3, DepartmentCode: "ZJJ", Licence.TypeCode: "11100000MB0000001T001" });
        Assert.Contains(pack.Items, i => i is { Code: "320193-CG-SG-001", StageNo: 3, DepartmentCode: "CGJ", Licence.TypeCode: "11100000MB0000002X001" });
    }

    public static TheoryData<string> RegionFolders() =>
        new(Directory.GetDirectories(Path.Combine(RepoPaths.Root(), "regions")).Select(d => Path.GetFileName(d)!).Order());

    /// <summary>Every region the charts deploy (charts/overlays/&lt;code&gt; reads regions/&lt;code&gt;) has a pack that imports.</summary>
    [Theory]
    [MemberData(nameof(RegionFolders))]
    public void Every_region_pack_in_the_repository_is_valid_and_names_its_own_region(string code)
    {
        var file = Path.Combine(RepoPaths.RegionPack(code), "catalog.json");
        var pack = RegionPackFile.Read(file);
        Assert.Empty(RegionPackValidator.Validate(pack, file));
        Assert.Equal(code, pack.Region!.Code);
        Assert.All(pack.Items, i => Assert.StartsWith(code + "-", i.Code));
    }

    [Fact]
    public void An_organisation_of_another_kind_is_no_department_an_item_may_name()
    {
        var pack = Valid() with
        {
            Departments = [.. Valid().Departments, new PackDepartment("ZJ01", "咨询公司", "91320193MA2000001E", "intermediary"),
                new PackDepartment("X1", "某机构", "91320193MA2000002H", "agency")],
            Items = [Valid().Items[0] with { DepartmentCode = "ZJ01" }],
        };
        var errors = RegionPackValidator.Validate(pack, "catalog.json");
        Assert.Contains(errors, e => e.Contains("departments[2].kind") && e.Contains("unknown kind 'agency'"));
        Assert.Contains(errors, e => e.Contains("items[0]") && e.Contains("ZJ01"));
    }

    [Fact]
    public void A_valid_pack_has_no_errors() => Assert.Empty(RegionPackValidator.Validate(Valid(), "catalog.json"));

    [Fact]
    public void Every_error_is_listed_with_file_path_and_rule()
    {
        var bad = Valid() with
        {
            Stages = [new PackStage(3, "施工许可", 0), new PackStage(7, "未知", 10)],
            Items =
            [
                new ItemDefinition("I1", "a", 3, "NOPE", 0, null),
                new ItemDefinition("I1", "b", 9, "ZJJ", 5, null),
            ],
        };
        var errors = RegionPackValidator.Validate(bad, "catalog.json");
        Assert.Contains(errors, e => e.StartsWith("catalog.json: stages[0].timeLimitWorkingDays:"));
        Assert.Contains(errors, e => e.StartsWith("catalog.json: stages[1].no:") && e.Contains("unknown standard stage"));
        Assert.Contains(errors, e => e.StartsWith("catalog.json: items[0].departmentCode:") && e.Contains("NOPE"));
        Assert.Contains(errors, e => e.StartsWith("catalog.json: items[0].timeLimitWorkingDays:"));
        Assert.Contains(errors, e => e.StartsWith("catalog.json: items[1].code:") && e.Contains("duplicate"));
        Assert.Contains(errors, e => e.StartsWith("catalog.json: items[1].stageNo:"));
        Assert.Equal(6, errors.Count);
    }

}
