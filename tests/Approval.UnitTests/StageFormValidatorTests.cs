using System.Text.Json.Nodes;
using Approval.Catalog.Domain;
using Approval.Intake.Domain;

namespace Approval.UnitTests;

/// <summary>Intake's check of a submitted form against the schema the Catalog generates (both sides, no HTTP).</summary>
public sealed class StageFormValidatorTests
{
    private static readonly JsonObject Schema = StageForm.Schema(3, "施工许可",
    [
        new ItemDefinition("A", "施工许可", 3, "ZJJ", 5, Fields:
        [
            new FormField("项目名称", "项目名称", Required: true, Prefill: "project.name"),
            new FormField("建设规模", "建设规模", Required: true, MaxLength: 10),
            new FormField("合同价格（万元）", "合同价格（万元）", "number", Minimum: 0, Maximum: 1000000),
            new FormField("层数", "层数", "integer"),
            new FormField("计划开工日期", "计划开工日期", "date"),
            new FormField("耐火等级", "耐火等级", Enum: ["一级", "二级"]),
            new FormField("是否装配式", "是否装配式", "boolean"),
        ]),
    ]);

    private static IReadOnlyList<(string Field, string Message)> Check(string json) => StageFormValidator.Validate(Schema, JsonNode.Parse(json)!.AsObject());

    [Fact]
    public void A_form_that_keeps_every_rule_passes() =>
        Assert.Empty(Check("""{"项目名称":"p","建设规模":"5万平方米","合同价格（万元）":12.5,"层数":18,"计划开工日期":"2026-12-01","耐火等级":"一级","是否装配式":true}"""));

    [Fact]
    public void Every_failing_field_is_reported_with_its_rule()
    {
        var errors = Check("""{"建设规模":"这是一个超过十个字符的建设规模","合同价格（万元）":-1,"层数":2.5,"计划开工日期":"12/01/2026","耐火等级":"五级","是否装配式":"yes","多余":1}""");
        var byField = errors.ToLookup(e => e.Field, e => e.Message);
        Assert.Contains("required", byField["项目名称"].Single());
        Assert.Contains("at most 10", byField["建设规模"].Single());
        Assert.Contains("at least 0", byField["合同价格（万元）"].Single());
        Assert.Contains("integer", byField["层数"].Single());
        Assert.Contains("yyyy-MM-dd", byField["计划开工日期"].Single());
        Assert.Contains("one of", byField["耐火等级"].Single());
        Assert.Contains("boolean", byField["是否装配式"].Single());
        Assert.Contains("not a field", byField["多余"].Single());
        Assert.Equal(8, errors.Count);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_reported_once() =>
        Assert.Single(Check("""{"项目名称":"p","建设规模":5}"""));

    [Fact]
    public void Known_project_data_is_prefilled_but_never_overwrites_what_the_applicant_gave()
    {
        var known = new Dictionary<string, string> { ["project.name"] = "示范项目" };
        var filled = StageFormPrefill.Apply(Schema, JsonNode.Parse("""{"建设规模":"5万平方米"}""")!.AsObject(), known);
        Assert.Equal("示范项目", filled["项目名称"]!.GetValue<string>());
        Assert.Empty(StageFormValidator.Validate(Schema, filled));
        var kept = StageFormPrefill.Apply(Schema, JsonNode.Parse("""{"项目名称":"自填"}""")!.AsObject(), known);
        Assert.Equal("自填", kept["项目名称"]!.GetValue<string>());
    }
}
