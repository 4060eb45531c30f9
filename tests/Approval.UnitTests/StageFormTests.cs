using System.Text.Json.Nodes;
using Approval.Catalog.Domain;

namespace Approval.UnitTests;

public sealed class StageFormTests
{
    private static readonly ItemDefinition Permit = new("A", "施工许可", 3, "ZJJ", 5, Fields:
    [
        new FormField("项目名称", "项目名称", Required: true, Prefill: "project.name"),
        new FormField("建设规模", "建设规模", Required: false, MaxLength: 100),
        new FormField("合同价格（万元）", "合同价格（万元）", "number", Minimum: 0),
    ]);

    private static readonly ItemDefinition Waste = new("B", "建筑垃圾处置", 3, "CGJ", 10, Fields:
    [
        new FormField("项目名称", "项目名称", Required: true, Prefill: "project.name"),
        new FormField("建设规模", "建设规模", Required: true),
        new FormField("计划开工日期", "计划开工日期", "date"),
    ]);

    [Fact]
    public void A_field_shared_by_items_is_asked_once_and_names_every_item_needing_it()
    {
        var schema = StageForm.Schema(3, "施工许可", [Waste, Permit]);
        var properties = schema["properties"]!.AsObject();
        Assert.Equal(["项目名称", "建设规模", "合同价格（万元）", "计划开工日期"], properties.Select(p => p.Key));
        Assert.Equal(["A", "B"], properties["建设规模"]!["x-items"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(["C"], StageForm.Schema(3, "x", [Permit with { Code = "C" }])["properties"]!["建设规模"]!["x-items"]!.AsArray().Select(i => i!.GetValue<string>()));
    }

    [Fact]
    public void A_shared_field_is_required_when_any_item_requires_it()
    {
        var required = StageForm.Schema(3, "施工许可", [Permit, Waste])["required"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Equal(["建设规模", "项目名称"], required);
        Assert.DoesNotContain("建设规模", StageForm.Schema(3, "施工许可", [Permit])["required"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public void The_schema_is_a_closed_object_with_types_formats_limits_and_prefill_marks()
    {
        var schema = StageForm.Schema(3, "施工许可", [Permit, Waste]);
        Assert.Equal("object", schema["type"]!.GetValue<string>());
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
        var p = schema["properties"]!;
        Assert.Equal(("string", "date"), (p["计划开工日期"]!["type"]!.GetValue<string>(), p["计划开工日期"]!["format"]!.GetValue<string>()));
        Assert.Equal(0m, p["合同价格（万元）"]!["minimum"]!.GetValue<decimal>());
        Assert.Equal(100, p["建设规模"]!["maxLength"]!.GetValue<int>());
        Assert.Equal("project.name", p["项目名称"]!["x-prefill"]!.GetValue<string>());
    }

    [Fact]
    public void Items_without_fields_give_an_empty_form() =>
        Assert.Empty(StageForm.Schema(5, "并行推进", [new ItemDefinition("X", "x", 5, "D", 3)])["properties"]!.AsObject());
}
