using Approval.Contracts.Events;
using static Approval.Exchange.Domain.SpglFormat;

namespace Approval.Exchange.Domain;

/// <summary>The values of one row and the local key of the parent it references (null: none).</summary>
public sealed record RowValues(SpglTable Table, string LocalKey, string? ParentKey, Dictionary<string, string?> Values);

/// <summary>
/// Builds the national rows from what the events said (docs/exchange.md has the mapping column by column). Pure functions:
/// the codes are the product's own (DOMAIN.md status codes, the region pack's stage numbers), so nothing is translated but
/// the flow type, whose number the region configures.
/// </summary>
public static class RowBuilder
{
    public static IEnumerable<RowValues> Flow(CatalogFlowPublished f, int? flowTypeCode)
    {
        var flowKey = $"{f.FlowCode}:{f.Version}";
        yield return new(SpglTables.Flow, flowKey, null, new()
        {
            ["SPLCBM"] = f.FlowCode, ["SPLCMC"] = f.FlowName, ["SPLCBBH"] = Int(f.Version), ["SPLCSXSJ"] = Date(f.EffectiveFrom),
            ["SPLCLX"] = flowTypeCode is { } t ? Int(t) : null, ["SPLCSM"] = f.FlowType,
        });
        foreach (var s in f.Stages)
        {
            var stageKey = $"{flowKey}:{s.StageNo}";
            yield return new(SpglTables.Stage, stageKey, flowKey, new()
            {
                ["SPLCBM"] = f.FlowCode, ["SPLCBBH"] = Int(f.Version), ["SPJDBM"] = $"{f.FlowCode}-{s.StageNo}", ["SPJDMC"] = s.StageName,
                ["SPJDXH"] = Int(s.StageNo), ["DYBZSPJDXH"] = Int(s.StageNo), ["SPJDSX"] = Int(s.TimeLimitWorkingDays),
                ["LCBSXLX"] = s.StageNo == 5 ? "2" : "1",
            });
            foreach (var i in s.Items)
                yield return new(SpglTables.StageItem, $"{stageKey}:{i.ItemCode}:{i.ItemVersion}", stageKey, new()
                {
                    ["SPLCBM"] = f.FlowCode, ["SPLCBBH"] = Int(f.Version), ["SPJDXH"] = Int(s.StageNo), ["SPSXBM"] = i.ItemCode,
                    ["SPSXBBH"] = Int(i.ItemVersion), ["SPSXMC"] = i.ItemName, ["DYBZSPSXBM"] = i.ItemCode,
                    ["SFSXGZCNZ"] = Flag(i.NotificationCommitment), ["SPSXBLSX"] = Int(i.TimeLimitWorkingDays), ["SPBMBM"] = i.DepartmentCode,
                    ["SPBMMC"] = i.DepartmentName, ["SFLCBSX"] = Flag(i.Milestone),
                });
        }
    }

    /// <summary>项目基本信息: one row per engineering code. 立项类型 is the project type (审批/核准/备案); 审批类 projects are government-invested.</summary>
    public static RowValues Project(ProjectRecord p, EngineeringRecord e, int? flowTypeCode) => new(SpglTables.Project, e.Code, null, new()
    {
        ["XMDM"] = p.Code, ["XMMC"] = p.Name, ["GCDM"] = e.Code, ["GCFW"] = e.Name, ["QJDGCDM"] = e.PreviousCode,
        ["XMTZLY"] = p.ProjectType == 1 ? "1" : "2", ["SPLCLX"] = flowTypeCode is { } t ? Int(t) : null, ["LXLX"] = Int(p.ProjectType),
        ["JSXZ"] = Int(p.ConstructionNature), ["NKGSJ"] = Date(p.PlannedStart), ["NJCSJ"] = Date(p.PlannedEnd), ["XMSFWQBJ"] = "0",
        ["ZTZE"] = Number(p.TotalInvestment), ["JSDDXZQH"] = p.DivisionCode, ["JSDD"] = p.Address, ["XMJSDDX"] = Number(p.Longitude),
        ["XMJSDDY"] = Number(p.Latitude), ["SBSJ"] = Time(p.RegisteredAt), ["SPLCBM"] = e.FlowCode,
        ["SPLCBBH"] = e.FlowVersion is { } v ? Int(v) : null,
    });

    /// <summary>项目单位: the applicant of an accepted application as the project's 建设单位 (单位类型 1).</summary>
    public static RowValues Unit(string projectCode, string engineeringCode, string creditCode, string name) =>
        new(SpglTables.Unit, $"{engineeringCode}:{creditCode}", engineeringCode, new()
        {
            ["XMDM"] = projectCode, ["GCDM"] = engineeringCode, ["DWTYSHXYDM"] = creditCode, ["DWMC"] = name, ["DWLX"] = "1",
        });

    /// <summary>审批事项办理信息: 受理方式 1 窗口受理 (counter, mail) or 4 全流程网上办理; 并联审批实例 the application when it has several items.</summary>
    public static RowValues ItemInstance(CaseRecord c, CaseItem item, Guid itemInstanceId, string? engineeringCode) =>
        new(SpglTables.ItemInstance, Key(itemInstanceId), engineeringCode, new()
        {
            ["GCDM"] = engineeringCode, ["SPSXBM"] = item.ItemCode, ["SPSXBBH"] = item.ItemVersion > 0 ? Int(item.ItemVersion) : null,
            ["SPLCBM"] = c.FlowCode, ["SPLCBBH"] = c.FlowVersion is { } v ? Int(v) : null, ["SPSXSLBM"] = Key(itemInstanceId),
            ["SPBMBM"] = item.DepartmentCode, ["SPBMMC"] = item.DepartmentName, ["SLFS"] = c.Channel == "online" ? "4" : "1", ["GKFS"] = "1",
            ["BLSPSLBM"] = c.Items.Count > 1 ? Key(c.ApplicationId) : null, ["SXBLSX"] = Int(item.TimeLimitWorkingDays),
        });

    /// <summary>办理详细信息: one row per status change, with the DOMAIN.md code as it is (办理状态).</summary>
    public static RowValues Detail(ItemInstanceStatusChanged m, string? engineeringCode)
    {
        var instance = Key(m.ItemInstanceId);
        return new(SpglTables.Detail, $"{instance}:{m.StatusCode}:{m.OccurredAt.ToUnixTimeMilliseconds()}", instance, new()
        {
            ["GCDM"] = engineeringCode, ["SPSXSLBM"] = instance, ["BLCS"] = m.Organisation, ["BLR"] = m.Actor, ["BLZT"] = Int(m.StatusCode),
            ["BLYJ"] = m.Opinion, ["BLSJ"] = Time(m.OccurredAt),
        });
    }

    /// <summary>特别程序 (status 9): type 8 其他 with its name from the opinion, the limit unknown (0) in working days.</summary>
    public static RowValues SpecialProcedure(ItemInstanceStatusChanged m, string? engineeringCode)
    {
        var instance = Key(m.ItemInstanceId);
        return new(SpglTables.SpecialProcedure, $"{instance}:{m.OccurredAt.ToUnixTimeMilliseconds()}", instance, new()
        {
            ["GCDM"] = engineeringCode, ["SPSXSLBM"] = instance, ["TBCX"] = "8",
            ["TBCXMC"] = string.IsNullOrWhiteSpace(m.Opinion) ? "特别程序" : m.Opinion.Length > 200 ? m.Opinion[..200] : m.Opinion,
            ["TBCXKSSJ"] = Time(m.OccurredAt), ["TBCXSXLX"] = "1", ["TBCXSX"] = "0",
        });
    }

    /// <summary>批复文件: the e-licence as the approval document; no validity end → 9999-01-01; the file is the licence's PDF.</summary>
    public static RowValues Document(LicenceIssued l, string? engineeringCode)
    {
        var instance = Key(l.ItemInstanceId);
        return new(SpglTables.Document, Key(l.LicenceId), instance, new()
        {
            ["GCDM"] = engineeringCode, ["SPSXSLBM"] = instance, ["PFRQ"] = Date(l.IssuedAt), ["PFWH"] = l.Identifier,
            ["PFWJBT"] = l.LicenceName, ["PFWJYXQX"] = l.ValidTo is { } to ? Date(to) : NoExpiry, ["FJMC"] = $"{l.LicenceName}.pdf",
            ["FJLX"] = "pdf", ["FJID"] = $"/api/licences/{l.Identifier}/pdf",
        });
    }

    public static RowValues Intermediary(AgencySelected s, string ownerName) => new(SpglTables.Intermediary, Key(s.CommissionId), s.EngineeringCode, new()
    {
        ["XMDM"] = s.ProjectCode, ["GCDM"] = s.EngineeringCode, ["ZJFWSXMC"] = s.ServiceType, ["ZJFWSXBM"] = s.ServiceType,
        ["ZJFWSXSLBM"] = Key(s.CommissionId), ["ZJJGDM"] = Key(s.AgencyId), ["ZJJGMC"] = s.AgencyName, ["WTR"] = ownerName,
        ["XZFS"] = s.Method, ["XQSJ"] = Time(s.SelectedAt), ["JSWTSJ"] = null,
    });

    public static RowValues IntermediaryStep(Guid commissionId, string projectCode, string step, string handler, string? opinion, DateTimeOffset at,
        string? fileName = null, string? fileId = null) =>
        new(SpglTables.IntermediaryProcess, $"{Key(commissionId)}:{step}:{at.ToUnixTimeMilliseconds()}", Key(commissionId), new()
        {
            ["XMDM"] = projectCode, ["ZJFWSXSLBM"] = Key(commissionId), ["BLZT"] = step, ["BLR"] = handler, ["BLYJ"] = opinion,
            ["BLSJ"] = Time(at), ["FJMC"] = fileName, ["FJID"] = fileId,
        });

    public static RowValues Review(ReviewCommissioned r) => new(SpglTables.Review, Key(r.ReviewId), r.EngineeringCode, new()
    {
        ["XMDM"] = r.ProjectCode, ["GCDM"] = r.EngineeringCode, ["SCBH"] = Key(r.ReviewId), ["SCLX"] = r.TypeCode, ["SCLXMC"] = r.TypeName,
        ["SCJGDM"] = r.AgencyCode, ["WTSJ"] = Time(r.CommissionedAt), ["SCJL"] = null, ["SCJLMC"] = null, ["SFHG"] = null,
        ["SCHGSBH"] = null, ["SCWCSJ"] = null,
    });

    public static RowValues Utility(UtilityApplied u) => new(SpglTables.Utility, Key(u.RequestId), u.EngineeringCode, new()
    {
        ["XMDM"] = u.ProjectCode, ["GCDM"] = u.EngineeringCode, ["JRSQBH"] = Key(u.RequestId), ["GYDWDM"] = u.UtilityCode,
        ["FWLX"] = u.ServiceType, ["SQLX"] = u.RequestType, ["SQSJ"] = Time(u.AppliedAt), ["KCWCSJ"] = null, ["JRFA"] = null, ["JRSJ"] = null,
    });

    public static RowValues UtilityStep(UtilityStepRecorded s) => new(SpglTables.UtilityStep, $"{Key(s.RequestId)}:{s.StepNo}", Key(s.RequestId), new()
    {
        ["XMDM"] = s.ProjectCode, ["JRSQBH"] = Key(s.RequestId), ["HJXH"] = Int(s.StepNo), ["HJMC"] = s.StepName, ["BLJG"] = s.Result,
        ["BLR"] = s.Handler, ["KSSJ"] = Time(s.StartedAt), ["JSSJ"] = Time(s.EndedAt),
    });
}
