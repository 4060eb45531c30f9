using System.Text.Json;
using Npgsql;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// 照面信息 through the gateway (issue 24): the building permit's content fields are filled from the stage form at 受理,
/// the department corrects and completes them at 办结 (a bad amount or a cleared required field is a 400 naming it), the
/// sealed licence states them, public verification returns them with ID numbers masked, one value changed in the
/// database fails verification, and the completion filing's form is prefilled from the permit.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class LicenceContentTests(SuiteFixture suite)
{
    private const string Permit = "320193-ZJ-SG-001";
    // the GB 11643 example number (check character X)
    private const string IdNumber = "11010519491231002X";
    private readonly SuiteApi api = new(suite.Gateway);
    private readonly LicenceApi licences = new(suite.Gateway);

    private static readonly Dictionary<string, object> Form = new()
    {
        ["建设规模"] = "5万平方米", ["合同价格（万元）"] = 12000, ["建设地址"] = "示范区星湖街8号", ["勘察单位"] = "示范勘察设计院",
        ["设计单位"] = "示范建筑设计院", ["施工单位"] = "示范建工集团", ["监理单位"] = "示范监理公司", ["勘察单位项目负责人"] = "赵勘",
        ["设计单位项目负责人"] = "钱设", ["施工单位项目负责人"] = $"孙工（{IdNumber}）", ["总监理工程师"] = "李监", ["合同工期（日历天）"] = 540,
    };

    [Fact]
    public async Task The_permit_states_its_content_from_the_form_and_the_departments_corrections_and_verification_returns_it()
    {
        // a project of its own: the completion filing's prefill reads the newest permit of the project
        var phase = await api.RegisterPhaseAsync((m, p, b) => Actor.Applicant.Request(m, p, b), projectName: "照面信息项目");
        var created = await api.ExpectAsync(HttpStatusCode.Created, Actor.Applicant, HttpMethod.Post, "/api/intake/applications", new
        {
            projectCode = phase.ProjectCode, engineeringCode = phase.EngineeringCode, projectName = "照面信息项目", stageNo = 3,
            itemCodes = new[] { Permit }, form = Form,
        });
        var id = created.GetProperty("id").GetGuid();
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        var item = await api.ItemRoutedToAsync("ZJJ", id);
        var zjj = Actor.Department("ZJJ");

        var routed = await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Get, $"/api/approvals/items/{item}");
        var filled = Content(routed.GetProperty("licenceContent"));
        Assert.Equal("示范建设有限公司", filled["建设单位"]); // no 建设单位 on the form: the applicant
        Assert.Equal("照面信息项目", filled["工程名称"]);
        Assert.Equal(("示范建工集团", "12000", "540"), (filled["施工单位"], filled["合同价格（万元）"], filled["合同工期（日历天）"]));
        Assert.Null(filled["备注"]);

        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
        await api.ReviewPassedAsync(Actor.Applicant, item);
        var bad = await api.ExpectAsync(HttpStatusCode.BadRequest, zjj, HttpMethod.Post, $"/api/approvals/items/{item}/conclude",
            new { approved = true, opinion = "准予许可", content = new Dictionary<string, string> { ["合同价格（万元）"] = "一万二", ["建设单位"] = "" } });
        var errors = bad.GetProperty("errors");
        Assert.Contains("数字", errors.GetProperty("content.合同价格（万元）")[0].GetString());
        Assert.Contains("必须填写", errors.GetProperty("content.建设单位")[0].GetString());
        var unchanged = await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Get, $"/api/approvals/items/{item}");
        Assert.Equal(8, unchanged.GetProperty("statusCode").GetInt32());
        Assert.Equal("12000", Content(unchanged.GetProperty("licenceContent"))["合同价格（万元）"]);

        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/items/{item}/conclude",
            new { approved = true, opinion = "准予许可", content = new Dictionary<string, string> { ["合同价格（万元）"] = "12500", ["备注"] = "按图施工" } });

        var progress = await SuiteApi.PollAsync(() => api.ProgressAsync(Actor.Applicant, id), p => p.GetProperty("licences").GetArrayLength() == 1,
            "the permit is issued");
        Assert.Contains(progress.GetProperty("timeline").EnumerateArray(),
            e => e.GetProperty("opinion").GetString() is { } o && o.Contains("合同价格（万元）：12000→12500"));
        var identifier = progress.GetProperty("licences")[0].GetProperty("identifier").GetString()!;

        var licence = await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Get, $"/api/licences/{identifier}");
        var stated = Content(licence.GetProperty("content"));
        Assert.Equal(15, stated.Count);
        Assert.Equal(("12500", "按图施工", "示范监理公司", $"孙工（{IdNumber}）"),
            (stated["合同价格（万元）"], stated["备注"], stated["监理单位"], stated["施工单位项目负责人"]));
        Assert.Equal(JsonValueKind.Null, licence.GetProperty("validTo").ValueKind); // the permit's type: 长期

        var verified = await licences.VerifyAsync(identifier);
        Assert.True(verified.GetProperty("verified").GetBoolean(), verified.ToString());
        var shown = Content(verified.GetProperty("licence").GetProperty("content"));
        Assert.Equal(("示范建工集团", "12500", "孙工（110105********002X）"), (shown["施工单位"], shown["合同价格（万元）"], shown["施工单位项目负责人"]));
        Assert.DoesNotContain(IdNumber, verified.ToString());

        await AlterContentAsync(identifier, "125000");
        try
        {
            var altered = await licences.VerifyAsync(identifier);
            Assert.False(altered.GetProperty("verified").GetBoolean());
            Assert.False(altered.GetProperty("proof").GetProperty("contentVerified").GetBoolean());
        }
        finally
        {
            await AlterContentAsync(identifier, "12500");
        }
        Assert.True((await licences.VerifyAsync(identifier)).GetProperty("verified").GetBoolean());

        var filing = await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Get,
            $"/api/intake/prefill?engineeringCode={phase.EngineeringCode}&stageNo=4&items=320193-ZJ-YS-002");
        Assert.Equal((identifier, "示范建工集团", "示范监理公司"),
            (filing.GetProperty("施工许可证编号").GetString(), filing.GetProperty("施工单位").GetString(), filing.GetProperty("监理单位").GetString()));
    }

    private static Dictionary<string, string?> Content(JsonElement fields) =>
        fields.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString());

    /// <summary>What someone with write access to the licence library's database could do: change the contract price.</summary>
    private static async Task AlterContentAsync(string identifier, string price)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = "approval_licences", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            UPDATE licences SET "Content" = (
                SELECT jsonb_agg(CASE WHEN f->>'name' = '合同价格（万元）' THEN jsonb_set(f, '{value}', to_jsonb(@price::text)) ELSE f END ORDER BY n)
                FROM jsonb_array_elements("Content") WITH ORDINALITY AS e(f, n))
            WHERE "Identifier" = @identifier
            """, connection);
        command.Parameters.AddWithValue("price", price);
        command.Parameters.AddWithValue("identifier", identifier);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
