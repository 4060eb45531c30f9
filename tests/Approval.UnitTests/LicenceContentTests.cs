using System.Text;
using System.Text.Json.Nodes;
using Approval.Approvals.Domain;
using Approval.Contracts.Errors;
using Approval.Catalog.Domain;
using Approval.Catalog.Import;
using Approval.Contracts.Licences;
using Approval.Intake.Domain;
using Approval.Licences.Domain;
using Approval.Licences.Rendering;
using Approval.Licences.Sealing;
using Microsoft.Extensions.Options;

namespace Approval.UnitTests;

/// <summary>
/// 照面信息 (issue 24): declared per licence type in the catalog and checked at import, filled at 受理 from the application,
/// corrected and checked by the department at 办结, sealed with the licence, and masked where the public reads them.
/// </summary>
public sealed class LicenceContentTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

    // 11010519491231002X: the GB 11643 example number; its check character X is MOD 11-2 over the first 17 digits.
    private const string IdNumber = "11010519491231002X";

    private static ItemDefinition Permit(params LicenceContentField[] fields) => new("I1", "施工许可证核发", 3, "ZJJ", 5,
        new LicenceSpec("11100000MB0000001T001", "建筑工程施工许可证", fields),
        Fields: [new FormField("建设规模", "建设规模", Required: true), new FormField("施工单位", "施工单位")]);

    private static IReadOnlyList<string> Import(ItemDefinition item) => RegionPackValidator.Validate(new RegionPack(
        new PackRegion("320193", "示范区"), [new PackDepartment("ZJJ", "住建局", "11320193MB0001001K")],
        [new PackStage(3, "施工许可", 15)], [item]), "catalog.json");

    [Fact]
    public void A_content_field_fed_from_a_field_the_items_form_lacks_is_refused_at_import_naming_both()
    {
        Assert.Empty(Import(Permit(new LicenceContentField("施工单位", "form:施工单位"), new LicenceContentField("建设单位", "form:施工单位|applicant", Required: true))));

        var errors = Import(Permit(new LicenceContentField("监理单位", "form:监理单位")));
        var error = Assert.Single(errors);
        Assert.StartsWith("catalog.json: items[0].licence.fields[0].source:", error);
        Assert.Contains("'监理单位'", error);
        Assert.Contains("form field '监理单位'", error);
    }

    [Fact]
    public void Unknown_sources_and_types_duplicate_names_a_bad_validity_and_too_many_fields_are_refused()
    {
        var errors = Import(Permit(new LicenceContentField("备注", "memo"), new LicenceContentField("备注", "decision", "money")));
        Assert.Contains(errors, e => e.Contains("licence.fields[0].source") && e.Contains("unknown source 'memo'"));
        Assert.Contains(errors, e => e.Contains("licence.fields[1].name") && e.Contains("duplicate"));
        Assert.Contains(errors, e => e.Contains("licence.fields[1].type"));

        var item = Permit() with { Licence = new LicenceSpec("11100000MB0000001T001", "建筑工程施工许可证", ValidityMonths: 0) };
        Assert.Contains(Import(item), e => e.Contains("licence.validityMonths"));
        var many = Enumerable.Range(1, ItemRules.MaxContentFields + 1).Select(i => new LicenceContentField($"字段{i}", "decision")).ToArray();
        Assert.Contains(Import(Permit(many)), e => e.Contains("items[0].licence.fields:") && e.Contains("one page"));
    }

    [Fact]
    public void Every_licence_type_of_the_demo_pack_declares_its_content_and_the_permit_states_the_national_fields()
    {
        var pack = RegionPackFile.Read(Path.Combine(RepoPaths.RegionPack(), "catalog.json"));
        var yielding = pack.Items.Where(i => i.Licence is not null).ToList();
        Assert.True(yielding.Count >= 6);
        Assert.All(yielding, i => Assert.True(i.Licence!.Fields is { Count: > 0 }, $"{i.Code} declares no content fields"));
        var permit = pack.Items.Single(i => i.Code == "320193-ZJ-SG-001").Licence!;
        Assert.Equal(["建设单位", "工程名称", "建设地址", "建设规模", "合同价格（万元）", "勘察单位", "设计单位", "施工单位", "监理单位",
            "勘察单位项目负责人", "设计单位项目负责人", "施工单位项目负责人", "总监理工程师", "合同工期（日历天）", "备注"], permit.Fields!.Select(f => f.Name));
        Assert.Contains(yielding, i => i.Licence!.ValidityMonths is > 0);
    }

    [Theory]
    [InlineData("number", "12000.5", true)]
    [InlineData("number", "abc", false)]
    [InlineData("number", "-1", false)]
    [InlineData("integer", "540", true)]
    [InlineData("integer", "1.5", false)]
    [InlineData("date", "2026-12-01", true)]
    [InlineData("date", "2026/12/01", false)]
    [InlineData("idnumber", IdNumber, true)]
    [InlineData("idnumber", "110105194912310021", false)]
    public void A_value_is_checked_against_its_type(string type, string value, bool ok) =>
        Assert.Equal(ok, LicenceFieldRules.Problem(new LicenceField("字段", type, false, "decision"), value) is null);

    [Fact]
    public void A_required_field_without_a_value_is_a_problem_and_an_optional_one_is_not()
    {
        Assert.NotNull(LicenceFieldRules.Problem(new LicenceField("建设单位", "string", true, "applicant"), " "));
        Assert.Null(LicenceFieldRules.Problem(new LicenceField("备注", "string", false, "decision"), null));
    }

    [Fact]
    public void The_public_reads_id_numbers_masked_wherever_they_stand_and_credit_codes_whole()
    {
        Assert.Equal("110105********002X", LicenceFieldRules.Public(new LicenceField("负责人身份证号", "idnumber", false, "decision", IdNumber)));
        Assert.Equal("张工（110105********002X）", LicenceFieldRules.Public(new LicenceField("施工单位项目负责人", "string", false, "form:x", $"张工（{IdNumber}）")));
        Assert.Equal("91320193MA1XXXXX0K", LicenceFieldRules.Public(new LicenceField("建设单位", "string", false, "applicant", "91320193MA1XXXXX0K")));
    }

    [Fact]
    public void At_acceptance_each_field_takes_its_first_known_source_and_decision_fields_wait_for_the_department()
    {
        var declared = new List<LicenceField>
        {
            new("建设单位", "string", true, "form:建设单位|applicant"), new("工程名称", "string", true, "project.name"),
            new("合同价格（万元）", "number", false, "form:合同价格（万元）"), new("核准机关", "string", true, "department"),
            new("备注", "string", false, "decision"),
        };
        var item = new ApplicationItem("320193-ZJ-SG-001", "施工许可", "ZJJ", "示范区住房和城乡建设局", "11320193MB0001001K", 5, "T", "建筑工程施工许可证",
            LicenceFields: System.Text.Json.JsonSerializer.Serialize(declared));
        var application = Intake.Domain.Application.Receive("320193", "2509-320193-89-01-544060", "示范项目", "applicant-1", "示范建设有限公司", 3, "施工许可",
            """{"合同价格（万元）":12000.5}""", [item], Now, AcceptanceChannel.Web, null);

        var content = LicenceContentValues.Of(application, item, JsonNode.Parse(application.FormData)!.AsObject())!;
        Assert.Equal(["示范建设有限公司", "示范项目", "12000.5", "示范区住房和城乡建设局", null], content.Select(f => f.Value));
        Assert.Null(LicenceContentValues.Of(application, item with { LicenceFields = null }, []));
    }

    private static ItemInstance PermitItem() => OrderedDecisionTests.Open(new StageInstance { Id = Guid.NewGuid(), RegionCode = "320193" }, "320193-ZJ-SG-001", "施工许可")
        .WithLicenceContent([new("建设单位", "string", true, "applicant", "示范建设有限公司"), new("合同价格（万元）", "number", false, "form:合同价格（万元）", "12000"),
            new("备注", "string", false, "decision")], null);

    [Fact]
    public void The_department_corrects_and_completes_the_content_and_each_change_is_listed()
    {
        var item = PermitItem();
        var changes = item.ReviseLicenceContent(new Dictionary<string, string?> { ["合同价格（万元）"] = "12500", ["备注"] = " 按图施工 " });
        Assert.Equal(["合同价格（万元）：12000→12500", "备注：（空）→按图施工"], changes);
        Assert.Equal(["示范建设有限公司", "12500", "按图施工"], item.LicenceContent!.Select(f => f.Value));
        Assert.Empty(item.ReviseLicenceContent(null));
    }

    [Fact]
    public void A_missing_required_value_a_bad_amount_or_an_unknown_field_is_refused_naming_it_and_nothing_changes()
    {
        var item = PermitItem();
        var error = Assert.Throws<ValidationException>(() => item.ReviseLicenceContent(new Dictionary<string, string?>
            { ["建设单位"] = "", ["合同价格（万元）"] = "一万", ["层数"] = "3" }));
        Assert.Equal(["content.合同价格（万元）", "content.层数", "content.建设单位"], error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("必须填写", error.Errors["content.建设单位"].Single());
        Assert.Equal(["示范建设有限公司", "12000", null], item.LicenceContent!.Select(f => f.Value));
    }

    private static readonly KeyProtector Protector = new(Convert.FromHexString("0123456789abcdeffedcba9876543210"));

    [Fact]
    public void The_seal_covers_the_content_and_one_changed_value_fails_verification()
    {
        var root = SealFactory.Create(Protector, Seal.RootHolder, "示范区电子印章根", "", "", 1, Now.AddDays(-1), Now.AddYears(20), null);
        var seal = SealFactory.Create(Protector, "ZJJ", "示范区住房和城乡建设局电子证照专用章", "示范区住房和城乡建设局", "11320193MB0001001K",
            1, Now.AddDays(-1), Now.AddYears(3), root);
        var sealer = new LicenceSealer(new SealSigner(Protector), new LicencePdfRenderer(Options.Create(new SealOptions())));
        var licence = new Licence
        {
            Id = Guid.NewGuid(), Identifier = LicenceIdentifier.Create("11100000MB0000001T001", "11320193MB0001001K", "20260000001", 1),
            TypeCode = "11100000MB0000001T001", LicenceName = "建筑工程施工许可证", IssuerCode = "ZJJ", IssuerName = "示范区住房和城乡建设局",
            IssuerCreditCode = "11320193MB0001001K", Holder = "示范建设有限公司", ProjectCode = "2509-320193-89-01-544060", ProjectName = "示范区科创园一期",
            RegionCode = "320193", ItemCode = "320193-ZJ-SG-001", Decision = "准予许可", IssuedAt = Now,
            Content = [new("施工单位", "string", false, "form:施工单位", "示范建工集团"), new("合同价格（万元）", "number", false, "form:合同价格（万元）", "12500")],
        };
        sealer.Seal(licence, seal, Now);

        var canonical = Encoding.UTF8.GetString(LicenceContent.Of(licence));
        Assert.EndsWith("content.施工单位=示范建工集团\ncontent.合同价格（万元）=12500\n", canonical);
        Assert.True(SealProof.Check(licence, seal, root).Verified);
        var altered = LicenceSealingTests.Copy(licence, licence.Holder,
            content: [licence.Content[0], licence.Content[1] with { Value = "125000" }]);
        var proof = SealProof.Check(altered, seal, root);
        Assert.False(proof.ContentVerified);
        Assert.Contains(proof.Problems, p => p.Contains("content differs", StringComparison.Ordinal));
    }

    [Fact]
    public void Validity_counts_the_types_months_from_issue_unless_the_department_system_gives_dates()
    {
        var draft = new LicenceDraft("T", "建设项目用地预审与选址意见书", "ZRJ", "自然资源局", "11320193MB0001001K", "示范建设有限公司", "P", "示范项目",
            "320193", Guid.NewGuid(), Guid.NewGuid(), "320193-ZR-LX-001", "准予", null, null, "applicant-1", null, ValidityMonths: 36);
        Assert.Equal(((DateTimeOffset?)Now, (DateTimeOffset?)Now.AddYears(3)), LicenceIssuer.Validity(draft, Now));
        Assert.Equal(((DateTimeOffset?)null, (DateTimeOffset?)null), LicenceIssuer.Validity(draft with { ValidityMonths = null }, Now));
        var to = Now.AddDays(10);
        Assert.Equal(((DateTimeOffset?)Now, (DateTimeOffset?)to), LicenceIssuer.Validity(draft with { ValidTo = to }, Now));
    }
}
