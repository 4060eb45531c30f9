using static Approval.Exchange.Domain.SpglType;

namespace Approval.Exchange.Domain;

/// <summary>
/// The national tables the front database (前置库) holds, in upload order (SPGL.md §4.1: flow → stage → stage item → project →
/// unit → item instance → detail → special procedure → documents; then the services). Column names and types as the standard
/// (数据共享交换标准) names them, from SPGL.md; docs/exchange.md maps each to its source event.
/// </summary>
public static class SpglTables
{
    private static readonly int[] YesNo = [0, 1];
    private static readonly int[] Statuses = [.. Enumerable.Range(1, 15)];

    public static readonly SpglTable Flow = new("SPGL_DFXMSPLCXXB", "地方项目审批流程信息表", 10,
    [
        new("SPLCBM", "审批流程编码", Text, true, 100), new("SPLCMC", "审批流程名称", Text, true, 200),
        new("SPLCBBH", "审批流程版本号", Number, true), new("SPLCSXSJ", "审批流程生效时间", Date, true),
        new("SPLCLX", "审批流程类型", Int, true), new("SPLCSM", "审批流程说明", Text, false, 2000),
    ]);

    public static readonly SpglTable Stage = new("SPGL_DFXMSPLCJDXXB", "地方项目审批流程阶段信息表", 20,
    [
        new("SPLCBM", "审批流程编码", Text, true, 100), new("SPLCBBH", "审批流程版本号", Number, true),
        new("SPJDBM", "审批阶段编码", Text, true, 100), new("SPJDMC", "审批阶段名称", Text, true, 200),
        new("SPJDXH", "审批阶段序号", Int, true), new("DYBZSPJDXH", "对应标准审批阶段序号", Int, true, Codes: [1, 2, 3, 4, 5]),
        new("SPJDSX", "审批阶段时限", Int, true), new("LCBSXLX", "里程碑事项类型", Int, false, Codes: [1, 2]),
    ], Flow.Name, "审批流程在审批流程信息表中无对应或校验失败");

    public static readonly SpglTable StageItem = new("SPGL_DFXMSPLCJDSXXXB", "地方项目审批流程阶段事项信息表", 30,
    [
        new("SPLCBM", "审批流程编码", Text, true, 100), new("SPLCBBH", "审批流程版本号", Number, true),
        new("SPJDXH", "审批阶段序号", Int, true), new("SPSXBM", "审批事项编码", Text, true, 100),
        new("SPSXBBH", "审批事项版本号", Number, true), new("SPSXMC", "审批事项名称", Text, true, 200),
        new("DYBZSPSXBM", "对应标准审批事项编码", Text, false, 100), new("SFSXGZCNZ", "是否实行告知承诺制", Int, true, Codes: YesNo),
        new("SPSXBLSX", "审批事项办理时限", Int, true), new("SPBMBM", "审批部门编码", Text, true, 100),
        new("SPBMMC", "审批部门名称", Text, true, 200), new("SFLCBSX", "是否里程碑事项", Int, true, Codes: YesNo),
    ], Stage.Name, "审批阶段在审批流程阶段信息表中无对应或校验失败");

    public static readonly SpglTable Project = new("SPGL_XMJBXXB", "项目基本信息表", 40,
    [
        new("XMDM", "项目代码", Text, true, 24), new("XMMC", "项目名称", Text, true, 200), new("GCDM", "工程代码", Text, true, 50),
        new("GCFW", "工程范围", Text, false, 200), new("QJDGCDM", "前阶段关联工程代码", Text, false, 50),
        new("XMTZLY", "项目投资来源", Int, true, Codes: [1, 2, 3]), new("SPLCLX", "审批流程类型", Int),
        new("LXLX", "立项类型", Int, true, Codes: [1, 2, 3]), new("JSXZ", "建设性质", Int, true, Codes: [1, 2, 3, 4, 5, 9]),
        new("NKGSJ", "拟开工时间", Date, true), new("NJCSJ", "拟建成时间", Date, true),
        new("XMSFWQBJ", "项目是否完全办结", Int, true, Codes: YesNo), new("ZTZE", "总投资额（万元）", Number, true),
        new("JSDDXZQH", "建设地点行政区划", Text, true, 6), new("JSDD", "建设地点", Text, true, 300),
        new("XMJSDDX", "建设地点X坐标", Number), new("XMJSDDY", "建设地点Y坐标", Number),
        new("SBSJ", "申报时间", Time, true), new("SPLCBM", "审批流程编码", Text, false, 100), new("SPLCBBH", "审批流程版本号", Number),
    ]);

    public static readonly SpglTable Unit = new("SPGL_XMDWXXB", "项目单位信息表", 50,
    [
        new("XMDM", "项目代码", Text, true, 24), new("GCDM", "工程代码", Text, true, 50),
        new("DWTYSHXYDM", "单位统一社会信用代码", Text, true, 18), new("DWMC", "单位名称", Text, true, 200), new("DWLX", "单位类型", Int, true),
    ], Project.Name, ProjectMissing);

    public static readonly SpglTable ItemInstance = new("SPGL_XMSPSXBLXXB", "项目审批事项办理信息表", 60,
    [
        new("GCDM", "工程代码", Text, true, 50), new("SPSXBM", "审批事项编码", Text, true, 100), new("SPSXBBH", "审批事项版本号", Number, true),
        new("SPLCBM", "审批流程编码", Text, false, 100), new("SPLCBBH", "审批流程版本号", Number),
        new("SPSXSLBM", "审批事项实例编码", Text, true, 64), new("SPBMBM", "审批部门编码", Text, true, 100),
        new("SPBMMC", "审批部门名称", Text, true, 200), new("SLFS", "受理方式", Int, true, Codes: [1, 4]),
        new("GKFS", "公开方式", Int, true, Codes: [1]), new("BLSPSLBM", "并联审批实例编码", Text, false, 64),
        new("SXBLSX", "事项办理时限", Int, true),
    ], Project.Name, ProjectMissing);

    public static readonly SpglTable Detail = new("SPGL_XMSPSXBLXXXXB", "项目审批事项办理详细信息表", 70,
    [
        new("GCDM", "工程代码", Text, true, 50), new("SPSXSLBM", "审批事项实例编码", Text, true, 64),
        new("BLCS", "办理处（科）室", Text, true, 200), new("BLR", "办理人", Text, true, 100),
        new("BLZT", "办理状态", Int, true, Codes: Statuses), new("BLYJ", "办理意见", Text, false, 2000), new("BLSJ", "办理时间", Time, true),
    ], ItemInstance.Name, InstanceMissing);

    public static readonly SpglTable SpecialProcedure = new("SPGL_XMSPSXBLTBCXXXB", "项目审批事项办理特别程序信息表", 80,
    [
        new("GCDM", "工程代码", Text, true, 50), new("SPSXSLBM", "审批事项实例编码", Text, true, 64),
        new("TBCX", "特别程序", Int, true, Codes: [.. Enumerable.Range(1, 8)]), new("TBCXMC", "特别程序名称", Text, true, 200),
        new("TBCXKSSJ", "特别程序开始时间", Time, true), new("TBCXSXLX", "特别程序时限类型", Int, true, Codes: [1]),
        new("TBCXSX", "特别程序时限", Int, true),
    ], ItemInstance.Name, InstanceMissing);

    public static readonly SpglTable Document = new("SPGL_XMSPSXPFWJXXB", "项目审批事项批复文件信息表", 90,
    [
        new("GCDM", "工程代码", Text, true, 50), new("SPSXSLBM", "审批事项实例编码", Text, true, 64),
        new("PFRQ", "批复日期", Date, true), new("PFWH", "批复文号", Text, true, 100), new("PFWJBT", "批复文件标题", Text, true, 200),
        new("PFWJYXQX", "批复文件有效期限", Date, true), new("FJMC", "附件名称", Text, false, 200),
        new("FJLX", "附件类型", Text, false, 20), new("FJID", "附件ID", Text, false, 300),
    ], ItemInstance.Name, InstanceMissing);

    public static readonly SpglTable Attachment = new("SPGL_XMQTFJXXB", "项目其他附件信息表", 95,
    [
        new("GCDM", "工程代码", Text, true, 50), new("SPSXSLBM", "审批事项实例编码", Text, false, 64),
        new("BLSPSLBM", "并联审批实例编码", Text, false, 64), new("FJMC", "附件名称", Text, true, 200),
        new("FJFL", "附件分类", Int, true), new("FJLX", "附件类型", Text, true, 20), new("FJID", "附件ID", Text, true, 300),
    ], Project.Name, ProjectMissing);

    public static readonly SpglTable Intermediary = new("SPGL_ZJFWSXBLXXB", "中介服务事项办理信息表", 100,
    [
        new("XMDM", "项目代码", Text, true, 24), new("GCDM", "工程代码", Text, true, 50),
        new("ZJFWSXMC", "中介服务事项名称", Text, true, 200), new("ZJFWSXBM", "中介服务事项编码", Text, true, 100),
        new("ZJFWSXSLBM", "中介服务事项实例编码", Text, true, 64), new("ZJJGDM", "中介机构代码", Text, true, 64),
        new("ZJJGMC", "中介机构名称", Text, true, 200), new("WTR", "委托人", Text, true, 200), new("XZFS", "选取方式", Text, true, 32),
        new("XQSJ", "选取时间", Time, true), new("JSWTSJ", "接受委托时间", Time),
    ], Project.Name, ProjectMissing);

    public static readonly SpglTable IntermediaryProcess = new("SPGL_ZJFWSXBLGCXXB", "中介服务事项办理过程信息表", 110,
    [
        new("XMDM", "项目代码", Text, true, 24), new("ZJFWSXSLBM", "中介服务事项实例编码", Text, true, 64),
        new("BLZT", "办理状态", Text, true, 64), new("BLR", "办理人", Text, true, 200), new("BLYJ", "办理意见", Text, false, 2000),
        new("BLSJ", "办理时间", Time, true), new("FJMC", "附件名称", Text, false, 200), new("FJID", "附件ID", Text, false, 300),
    ], Intermediary.Name, "中介服务事项实例编码在中介服务事项办理信息表中无对应或校验失败");

    /// <summary>施工图等技术审查 (Reviews): the standard's V3 table of drawing reviews; its columns are not in the collected reference, named in its style.</summary>
    public static readonly SpglTable Review = new("SPGL_SGTSJWJSCXXB", "施工图设计文件审查信息表", 120,
    [
        new("XMDM", "项目代码", Text, true, 24), new("GCDM", "工程代码", Text, true, 50), new("SCBH", "审查编号", Text, true, 64),
        new("SCLX", "审查类型", Text, true, 64), new("SCLXMC", "审查类型名称", Text, true, 100), new("SCJGDM", "审查机构代码", Text, true, 64),
        new("WTSJ", "委托时间", Time, true), new("SCJL", "审查结论", Text, false, 32), new("SCJLMC", "审查结论名称", Text, false, 64),
        new("SFHG", "是否合格", Int, false, Codes: YesNo), new("SCHGSBH", "审查合格书编号", Text, false, 100), new("SCWCSJ", "审查完成时间", Time),
    ], Project.Name, ProjectMissing);

    /// <summary>市政公用服务接入 (Utilities): a local table in the standard's style (the collected reference has none).</summary>
    public static readonly SpglTable Utility = new("SPGL_SZGYFWJRXXB", "市政公用服务接入信息表", 130,
    [
        new("XMDM", "项目代码", Text, true, 24), new("GCDM", "工程代码", Text, true, 50), new("JRSQBH", "接入申请编号", Text, true, 64),
        new("GYDWDM", "公用服务单位代码", Text, true, 64), new("FWLX", "服务类型", Text, true, 32), new("SQLX", "申请类型", Text, true, 32),
        new("SQSJ", "申请时间", Time, true), new("KCWCSJ", "受理勘查完成时间", Time), new("JRFA", "接入方案", Text, false, 2000),
        new("JRSJ", "验收开通时间", Time),
    ], Project.Name, ProjectMissing);

    public static readonly SpglTable UtilityStep = new("SPGL_SZGYFWJRGCXXB", "市政公用服务接入过程信息表", 140,
    [
        new("XMDM", "项目代码", Text, true, 24), new("JRSQBH", "接入申请编号", Text, true, 64), new("HJXH", "环节序号", Int, true),
        new("HJMC", "环节名称", Text, true, 100), new("BLJG", "办理结果", Text, true, 200), new("BLR", "办理人", Text, true, 200),
        new("KSSJ", "开始时间", Time, true), new("JSSJ", "结束时间", Time, true),
    ], Utility.Name, "接入申请编号在市政公用服务接入信息表中无对应或校验失败");

    private const string ProjectMissing = "工程代码在项目基本信息表无对应项目或对应的项目校验失败";
    private const string InstanceMissing = "审批事项实例编码在项目审批事项办理信息表中无对应或对应的事项办理信息校验失败";

    public static readonly IReadOnlyList<SpglTable> All =
        [Flow, Stage, StageItem, Project, Unit, ItemInstance, Detail, SpecialProcedure, Document, Attachment, Intermediary, IntermediaryProcess, Review, Utility, UtilityStep];

    public static SpglTable? Named(string? name) => All.FirstOrDefault(t => t.Name == name);
}
