using System.Text.Json.Nodes;
using Approval.Portal.Components.Shared;
using Bunit;

namespace Approval.Browser.Tests;

/// <summary>The stage form rendered from a JSON Schema (bunit, no browser): fields, labels, own checks, the API's field errors.</summary>
public sealed class SchemaFormTests
{
    private static JsonObject Schema() => JsonNode.Parse("""
        {
          "type": "object",
          "properties": {
            "项目名称": { "title": "项目名称", "type": "string", "x-prefill": "project.name" },
            "建设规模": { "title": "建设规模", "type": "string", "maxLength": 10 },
            "合同价格": { "title": "合同价格（万元）", "type": "number", "minimum": 0 },
            "楼层数": { "title": "楼层数", "type": "integer", "minimum": 1, "maximum": 200 },
            "结构类型": { "title": "结构类型", "type": "string", "enum": ["框架", "砖混"] },
            "开工日期": { "title": "开工日期", "type": "string", "format": "date" },
            "联系电话": { "title": "联系电话", "type": "string", "pattern": "^1[0-9]{10}$" },
            "是否装配式": { "title": "是否装配式", "type": "boolean" }
          },
          "required": ["项目名称", "建设规模", "结构类型"]
        }
        """)!.AsObject();

    [Fact]
    public void Every_asked_field_has_a_label_bound_to_an_input_of_its_type_and_prefilled_fields_are_not_asked()
    {
        using var ctx = new BunitContext();
        var cut = ctx.Render<SchemaForm>(p => p.Add(f => f.Schema, Schema()));
        var labels = cut.FindAll("label").Select(l => (l.TextContent, l.GetAttribute("for"), l.ClassList.Contains("required"))).ToList();
        Assert.Equal(["建设规模", "合同价格（万元）", "楼层数", "结构类型", "开工日期", "联系电话", "是否装配式"], labels.Select(l => l.TextContent));
        Assert.All(labels, l => Assert.NotNull(cut.Find($"#{l.Item2}")));
        Assert.Equal([true, false, false, true, false, false, false], labels.Select(l => l.Item3));
        Assert.Equal("number", cut.Find($"#{labels[1].Item2}").GetAttribute("type"));
        Assert.Equal("date", cut.Find($"#{labels[4].Item2}").GetAttribute("type"));
        Assert.Equal("SELECT", cut.Find($"#{labels[3].Item2}").TagName);
        Assert.Equal("checkbox", cut.Find($"#{labels[6].Item2}").GetAttribute("type"));
    }

    [Fact]
    public async Task Its_own_checks_show_next_to_the_fields_and_a_valid_form_becomes_typed_json()
    {
        using var ctx = new BunitContext();
        var cut = ctx.Render<SchemaForm>(p => p.Add(f => f.Schema, Schema()));
        Input(cut, "合同价格（万元）", "-1");
        Input(cut, "楼层数", "2.5");
        Input(cut, "联系电话", "12345");
        Assert.False(await cut.InvokeAsync(() => cut.Instance.Validate()));
        var errors = cut.FindAll(".portal-field-error").Select(e => e.TextContent).ToList();
        Assert.Equal(["请填写建设规模", "合同价格（万元）不能小于0", "楼层数须为整数", "请填写结构类型", "联系电话格式不正确"], errors);

        Input(cut, "建设规模", "5万平方米");
        Input(cut, "合同价格（万元）", "12000.5");
        Input(cut, "楼层数", "18");
        cut.Find($"#{For(cut, "结构类型")}").Change("框架");
        Input(cut, "联系电话", "13800000000");
        cut.Find($"#{For(cut, "是否装配式")}").Change(true);
        Assert.True(await cut.InvokeAsync(() => cut.Instance.Validate()));
        Assert.Empty(cut.FindAll(".portal-field-error"));
        Assert.Equal("""{"建设规模":"5万平方米","合同价格":12000.5,"楼层数":18,"结构类型":"框架","联系电话":"13800000000","是否装配式":true}""",
            cut.Instance.Value().ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void The_APIs_problem_details_errors_show_next_to_their_fields()
    {
        using var ctx = new BunitContext();
        var errors = new Dictionary<string, string[]> { ["form.开工日期"] = ["开工日期不能早于今天"] };
        var cut = ctx.Render<SchemaForm>(p => p.Add(f => f.Schema, Schema()).Add(f => f.ServerErrors, errors));
        var input = cut.Find($"#{For(cut, "开工日期")}");
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal("开工日期不能早于今天", cut.Find($"#{input.GetAttribute("aria-describedby")}").TextContent);
    }

    [Theory]
    [InlineData("开工日期", "2026-13-01", "开工日期须为日期（年-月-日）")]
    [InlineData("楼层数", "201", "楼层数不能大于200")]
    [InlineData("结构类型", "钢结构", "结构类型须从列表中选择")]
    [InlineData("建设规模", "一二三四五六七八九十一", "建设规模最多10个字")]
    public void The_checks_follow_the_schema(string key, string value, string expected)
    {
        var fields = FormSchema.Fields(Schema());
        var values = new Dictionary<string, string?> { ["建设规模"] = "5万平方米", ["结构类型"] = "框架", [key] = value };
        Assert.Equal(expected, Assert.Single(FormSchema.Validate(fields.Where(f => f.Prefill is null), values)).Value);
    }

    private static string For(IRenderedComponent<SchemaForm> cut, string label) =>
        cut.FindAll("label").Single(l => l.TextContent == label).GetAttribute("for")!;

    private static void Input(IRenderedComponent<SchemaForm> cut, string label, string value) => cut.Find($"#{For(cut, label)}").Input(value);
}
