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

    [Fact]
    public void Keywords_beyond_the_generated_subset_are_checked_with_nested_field_paths()
    {
        var schema = JsonNode.Parse("""
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","additionalProperties":false,
             "properties":{"地址":{"type":"object","properties":{"邮编":{"$ref":"#/$defs/postcode"}},"required":["城市"]},
                           "楼栋":{"type":"array","items":{"type":"integer","exclusiveMinimum":0},"uniqueItems":true},
                           "联系邮箱":{"type":"string","format":"email"}},
             "$defs":{"postcode":{"type":"string","pattern":"^[0-9]{6}$"}}}
            """)!.AsObject();
        var errors = StageFormValidator.Validate(schema, JsonNode.Parse("""{"地址":{"邮编":"21500"},"楼栋":[1,0,1],"联系邮箱":"not-an-email"}""")!.AsObject());
        var byField = errors.ToLookup(e => e.Field, e => e.Message);
        Assert.Equal("must match ^[0-9]{6}$ / 格式不符合要求", byField["地址.邮编"].Single());
        Assert.Equal("is required / 城市必填", byField["地址.城市"].Single());
        Assert.Equal("must be greater than 0 / 应大于0", byField["楼栋.1"].Single());
        Assert.Contains("不能重复", byField["楼栋"].Single());
        Assert.Contains("email", byField["联系邮箱"].Single());
        Assert.Equal(5, errors.Count);
    }

    /// <summary>
    /// JsonSchema.Net's own regular expressions have no time limit: "^(a+)+$" against "aaaa…!" backtracks for minutes.
    /// The guard tries the pattern first under a time limit and answers a field error; the whole check finishes well
    /// within the 30 s this test allows it (without the guard it ran > 120 s).
    /// </summary>
    [Fact]
    public async Task A_catastrophic_pattern_answers_a_field_error_in_bounded_time()
    {
        var schema = JsonNode.Parse("""{"type":"object","properties":{"代码":{"type":"string","pattern":"^(a+)+$"}}}""")!.AsObject();
        var form = new JsonObject { ["代码"] = new string('a', 40) + "!" };
        var check = Task.Run(() => StageFormValidator.Validate(schema, form, TimeSpan.FromMilliseconds(100)));
        var finished = await Task.WhenAny(check, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.Same(check, finished);
        var error = Assert.Single(await check);
        Assert.Equal("代码", error.Field);
        Assert.Contains("格式校验超时", error.Message);
    }

    [Fact]
    public void A_pattern_that_finishes_in_time_is_evaluated_as_usual()
    {
        var schema = JsonNode.Parse("""{"type":"object","properties":{"代码":{"type":"string","pattern":"^(a+)+$"}}}""")!.AsObject();
        Assert.Empty(StageFormValidator.Validate(schema, new JsonObject { ["代码"] = "aaaa" }));
        Assert.Equal("格式不符合要求", StageFormValidator.Validate(schema, new JsonObject { ["代码"] = "ab" }).Single().Message.Split(" / ")[1]);
    }

    [Fact]
    public void A_broken_pattern_in_the_catalogs_form_is_a_field_error_not_a_crash()
    {
        var schema = JsonNode.Parse("""{"type":"object","properties":{"代码":{"type":"string","pattern":"(["}}}""")!.AsObject();
        var error = Assert.Single(StageFormValidator.Validate(schema, new JsonObject { ["代码"] = "a" }));
        Assert.Equal("schema", error.Field);
        Assert.Contains("表单规则有误", error.Message);
    }
}
