using Approval.Contracts.Events;
using Approval.Exchange.Domain;
using Approval.Exchange.Front;

namespace Approval.UnitTests;

/// <summary>The data exchange's checks before sending and its row building (issue 20, SPGL.md §4).</summary>
public sealed class ExchangeRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 9, 10, 0, 0, TimeSpan.FromHours(8));

    internal static ProjectRecord Project(DateOnly? start = null, DateOnly? end = null) => new()
    {
        Code = "2509-320193-89-01-544060", RegionCode = "320193", Name = "示范综合楼", Address = "示范区建设路1号", DivisionCode = "320193",
        Longitude = 118.8m, Latitude = 32.0m, TotalInvestment = 12000m, ProjectType = 1, ConstructionNature = 1,
        PlannedStart = start ?? new DateOnly(2026, 11, 1), PlannedEnd = end ?? new DateOnly(2028, 6, 30), RegisteredAt = Now, OwnerName = "示范建设有限公司",
    };

    internal static EngineeringRecord Engineering(string project = "2509-320193-89-01-544060") => new()
    {
        Code = project + "-01", ProjectCode = project, RegionCode = "320193", Name = "一期", PhaseNo = 1, IssuedAt = Now,
    };

    [Fact]
    public void A_complete_project_row_passes_and_carries_the_standard_columns()
    {
        var row = RowBuilder.Project(Project(), Engineering(), 1);
        Assert.Empty(SpglValidator.Problems(row.Table, row.Values));
        Assert.Equal(("SPGL_XMJBXXB", "2509-320193-89-01-544060-01"), (row.Table.Name, row.LocalKey));
        Assert.Equal(("2026-11-01", "2028-06-30", "1", "12000"), (row.Values["NKGSJ"], row.Values["NJCSJ"], row.Values["LXLX"], row.Values["ZTZE"]));
    }

    [Fact]
    public void A_planned_end_before_the_start_is_rejected_naming_both_dates()
    {
        var row = RowBuilder.Project(Project(new DateOnly(2027, 5, 1), new DateOnly(2026, 12, 31)), Engineering(), 1);
        var problem = Assert.Single(SpglValidator.Problems(row.Table, row.Values));
        Assert.Contains("NKGSJ 2027-05-01", problem);
        Assert.Contains("NJCSJ 2026-12-31", problem);
    }

    [Fact]
    public void Missing_planned_dates_and_a_code_outside_its_list_are_each_named()
    {
        var project = Project();
        (project.PlannedStart, project.PlannedEnd, project.ConstructionNature) = (null, null, 7);
        var row = RowBuilder.Project(project, Engineering(), 1);
        var problems = SpglValidator.Problems(row.Table, row.Values);
        Assert.Contains("拟开工时间（NKGSJ）必填", problems);
        Assert.Contains("拟建成时间（NJCSJ）必填", problems);
        Assert.Contains(problems, p => p.StartsWith("建设性质（JSXZ）代码7不在代码表中"));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(50, true)]
    [InlineData(51, false)]
    public void A_stage_limit_is_1_to_50_working_days(int limit, bool valid)
    {
        var flow = new CatalogFlowPublished("320193", "320193-ZF-FJ", 1, "政府投资", "政府投资房屋建筑", new DateOnly(2026, 1, 1),
            [new PublishedFlowStage(3, "施工许可", limit, [new PublishedFlowItem("ITEM", 2, "施工许可证核发", "ZJJ", "住建局", 5, false, true)])], Now);
        var rows = RowBuilder.Flow(flow, 1).ToList();
        Assert.Equal(["SPGL_DFXMSPLCXXB", "SPGL_DFXMSPLCJDXXB", "SPGL_DFXMSPLCJDSXXXB"], rows.Select(r => r.Table.Name));
        var stage = rows[1];
        Assert.Equal(valid, SpglValidator.Problems(stage.Table, stage.Values).Count == 0);
        Assert.Equal(stage.LocalKey, rows[2].ParentKey);
    }

    [Fact]
    public void A_detail_row_keeps_the_domain_status_code_and_references_its_instance()
    {
        var instance = Guid.NewGuid();
        var change = new ItemInstanceStatusChanged(instance, Guid.NewGuid(), "ITEM", "施工许可证核发", 9, "特别程序（开始）", "审批员", "住建局审批科", "专家评审", Now);
        var detail = RowBuilder.Detail(change, "GC-01");
        Assert.Equal(("9", instance.ToString("N")), (detail.Values["BLZT"], detail.ParentKey));
        Assert.Empty(SpglValidator.Problems(detail.Table, detail.Values));
        var special = RowBuilder.SpecialProcedure(change, "GC-01");
        Assert.Equal(("8", "专家评审", "1"), (special.Values["TBCX"], special.Values["TBCXMC"], special.Values["TBCXSXLX"]));
    }

    [Fact]
    public void A_licence_without_validity_end_is_sent_with_9999_01_01()
    {
        var licence = new LicenceIssued(Guid.NewGuid(), "32019326ZJ0001", "建筑工程施工许可证", Guid.NewGuid(), Guid.NewGuid(), "ITEM", "住建局", Now);
        var row = RowBuilder.Document(licence, "GC-01");
        Assert.Equal(("9999-01-01", "2026-10-09"), (row.Values["PFWJYXQX"], row.Values["PFRQ"]));
        Assert.Empty(SpglValidator.Problems(row.Table, row.Values));
    }

    [Fact]
    public void Staging_the_same_values_again_changes_nothing_and_a_change_queues_the_row_again()
    {
        var values = RowBuilder.Project(Project(), Engineering(), 1);
        var row = ExchangeRow.Create(values.Table, values.LocalKey, "320193");
        Assert.True(row.Stage(values.Values, null, true, null, Now, new DateOnly(2026, 10, 9)));
        row.MarkSent(Now);
        Assert.False(row.Stage(new Dictionary<string, string?>(values.Values), null, true, null, Now.AddHours(1), new DateOnly(2026, 10, 9)));
        Assert.Equal(RowState.Sent, row.State);

        row.MarkFailed("项目名称与投资项目在线审批监管平台不一致");
        var corrected = new Dictionary<string, string?>(values.Values) { ["XMMC"] = "示范综合楼（一期）" };
        Assert.True(row.Stage(corrected, null, true, null, Now.AddHours(2), new DateOnly(2026, 10, 9)));
        Assert.Equal((RowState.Pending, null), (row.State, row.Reason));
    }

    [Fact]
    public void The_front_tables_are_created_with_the_standard_names_and_upserted_by_region_and_local_key()
    {
        var ddl = string.Join(";\n", FrontSchema.CreateTable(SpglTables.Project));
        Assert.Contains("CREATE TABLE IF NOT EXISTS \"SPGL_XMJBXXB\"", ddl);
        Assert.Contains("\"NKGSJ\" date", ddl);
        Assert.Contains("UNIQUE (\"XZQHDM\", \"DFSJZJ\")", ddl);
        var upsert = FrontSchema.Upsert(SpglTables.Project);
        Assert.Contains("ON CONFLICT (\"XZQHDM\", \"DFSJZJ\") DO UPDATE", upsert);
        Assert.DoesNotContain("\"SCSJ\" = EXCLUDED", upsert);   // the first upload time is kept
        Assert.Equal(SpglTables.All.Count, SpglTables.All.Select(t => t.Name).Distinct().Count());
        Assert.All(SpglTables.All.Where(t => t.Parent is not null), t => Assert.True(SpglTables.Named(t.Parent)!.Order < t.Order, t.Name));
    }
}
