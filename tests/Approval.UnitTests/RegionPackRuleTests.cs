using Approval.Catalog.Domain;
using Approval.Catalog.Import;

namespace Approval.UnitTests;

/// <summary>Each import rule on its own: the pack fails with an error naming file, path and rule.</summary>
public sealed class RegionPackRuleTests
{
    private static RegionPack Valid() => new(
        new PackRegion("320193", "示范区"),
        [new PackDepartment("ZJJ", "住建局", "11320193MB0001001K"), new PackDepartment("CGJ", "城管局", "11320193MB0001002N")],
        [new PackStage(3, "施工许可", 15)],
        [
            new ItemDefinition("A", "施工许可", 3, "ZJJ", 5, Fields: [new FormField("建设规模", "建设规模", Required: true)]),
            new ItemDefinition("B", "建筑垃圾处置", 3, "CGJ", 10, Fields: [new FormField("建设规模", "建设规模")]),
        ],
        [new PackFlow("F", 1, "社会投资", "社会投资", [new FlowStage(3, 10, ["A", "B"])])]);

    private static string Single(RegionPack pack)
    {
        var errors = RegionPackValidator.Validate(pack, "catalog.json");
        Assert.True(errors.Count == 1, string.Join(Environment.NewLine, errors));
        return errors[0];
    }

    [Fact]
    public void The_valid_pack_has_no_errors() => Assert.Empty(RegionPackValidator.Validate(Valid(), "catalog.json"));

    [Fact]
    public void A_dangling_department_is_named() =>
        Assert.StartsWith("catalog.json: items[1].departmentCode: unknown department 'XXX'",
            Single(Valid() with { Items = [Valid().Items[0], Valid().Items[1] with { DepartmentCode = "XXX" }] }));

    [Fact]
    public void A_duplicate_item_code_is_named() =>
        Assert.StartsWith("catalog.json: items[1].code: duplicate item code 'A'",
            Single(Valid() with { Items = [Valid().Items[0], Valid().Items[1] with { Code = "A" }], Flows = [] }));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_time_limit_of_zero_or_less_is_named(int limit) =>
        Assert.StartsWith("catalog.json: items[0].timeLimitWorkingDays: a time limit must be greater than 0",
            Single(Valid() with { Items = [Valid().Items[0] with { TimeLimitWorkingDays = limit }, Valid().Items[1]] }));

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void A_stage_limit_outside_1_to_50_working_days_is_named(int limit)
    {
        Assert.StartsWith("catalog.json: stages[0].timeLimitWorkingDays: a stage limit is 1–50 working days",
            Single(Valid() with { Stages = [new PackStage(3, "施工许可", limit)] }));
        Assert.StartsWith("catalog.json: flows[0].stages[0].timeLimitWorkingDays: a stage limit is 1–50 working days",
            Single(Valid() with { Flows = [new PackFlow("F", 1, "x", "x", [new FlowStage(3, limit, ["A"])])] }));
    }

    [Fact]
    public void An_unknown_standard_stage_is_named()
    {
        var errors = RegionPackValidator.Validate(Valid() with { Stages = [new PackStage(3, "施工许可", 15), new PackStage(6, "未知", 10)] }, "catalog.json");
        Assert.Equal(["catalog.json: stages[1].no: unknown standard stage 6 (1–5)"], errors);
    }

    [Fact]
    public void A_department_with_a_wrong_credit_code_check_character_is_named() =>
        Assert.StartsWith("catalog.json: departments[0].creditCode: check character must be 'K'",
            Single(Valid() with { Departments = [new PackDepartment("ZJJ", "住建局", "11320193MB0001001A"), Valid().Departments[1]] }));

    [Fact]
    public void A_shared_form_field_with_two_types_is_named() =>
        Assert.Contains("a shared field has one type",
            Single(Valid() with { Items = [Valid().Items[0], Valid().Items[1] with { Fields = [new FormField("建设规模", "建设规模", "number")] }] }));

    [Fact]
    public void A_flow_naming_an_item_of_another_stage_or_an_unknown_item_is_named()
    {
        var errors = RegionPackValidator.Validate(Valid() with { Flows = [new PackFlow("F", 1, "x", "x", [new FlowStage(3, 10, ["A", "NOPE"])])] }, "catalog.json");
        Assert.Equal(["catalog.json: flows[0].stages[0].itemCodes: unknown item 'NOPE'"], errors);
    }

    [Fact]
    public void A_stated_time_limit_needs_a_known_unit_and_agrees_with_the_working_days()
    {
        Assert.Empty(RegionPackValidator.Validate(Valid() with { Items = [Valid().Items[0] with { TimeLimit = 4, TimeLimitUnit = 3 }, Valid().Items[1]] }, "catalog.json"));
        Assert.StartsWith("catalog.json: items[0].timeLimitUnit: unknown time-limit unit 6",
            Single(Valid() with { Items = [Valid().Items[0] with { TimeLimit = 4, TimeLimitUnit = 6 }, Valid().Items[1]] }));
        Assert.StartsWith("catalog.json: items[0].timeLimit: in working days it must equal timeLimitWorkingDays",
            Single(Valid() with { Items = [Valid().Items[0] with { TimeLimit = 4 }, Valid().Items[1]] }));
        Assert.StartsWith("catalog.json: items[0].timeLimit: 121 in unit 5 is more than the clock counts",
            Single(Valid() with { Items = [Valid().Items[0] with { TimeLimit = 121, TimeLimitUnit = 5 }, Valid().Items[1]] }));
        Assert.Empty(RegionPackValidator.Validate(Valid() with { Items = [Valid().Items[0] with { TimeLimit = 120, TimeLimitUnit = 5 }, Valid().Items[1]] }, "catalog.json"));
    }

    [Fact]
    public void A_material_from_an_unknown_source_is_named() =>
        Assert.StartsWith("catalog.json: items[0].materials[0].source:",
            Single(Valid() with { Items = [Valid().Items[0] with { Materials = [new Material("申请表", "电子件", 1, "somewhere")] }, Valid().Items[1]] }));
}
