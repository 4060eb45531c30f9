namespace Approval.Exchange.Domain;

/// <summary>The type of a front-database column as the national standard states it (text, integer, number, date, time).</summary>
public enum SpglType { Text, Int, Number, Date, Time }

/// <summary>
/// One column of a national table: its name as the standard spells it (e.g. <c>NKGSJ</c>), its Chinese label, type, whether a
/// row must fill it, its longest text and, for a coded column, the codes allowed (DOMAIN.md / SPGL.md §3).
/// </summary>
public sealed record SpglColumn(string Name, string Label, SpglType Type, bool Required = false, int Max = 0, int[]? Codes = null);

/// <summary>
/// One national table (SPGL_*) of the front database (前置库): its columns besides the common ones, its place in the
/// upload order (a parent before its children), and the parent its rows must reference — with the rule's message when the
/// parent row is missing or not sent (SPGL.md §4: a detail never before its instance).
/// </summary>
public sealed record SpglTable(string Name, string Label, int Order, IReadOnlyList<SpglColumn> Columns, string? Parent = null, string? ParentRule = null)
{
    public SpglColumn? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

/// <summary>The columns every national table carries (SPGL.md §1), written by the exchange itself.</summary>
public static class SpglCommon
{
    public const string Serial = "LSH";           // 流水号: the front database's own id
    public const string LocalKey = "DFSJZJ";      // 地方数据主键
    public const string Region = "XZQHDM";        // 行政区划代码
    public const string Valid = "SJYXBS";         // 数据有效标识 0 无效 1 有效
    public const string InvalidReason = "SJWXYY"; // 数据无效原因
    public const string UploadState = "SJSCZT";   // 数据上传状态 0 新增 1 校验成功 2 校验失败 3 已接收
    public const string FailureReason = "SBYY";   // 失败原因 (the provincial side writes it with SJSCZT 2)
    public const string UploadedAt = "SCSJ";      // 上传时间
    public const string UpdatedAt = "GXSJ";       // 更新时间

    /// <summary>SJSCZT values: written new by us; marked failed by the provincial side (SBYY says why).</summary>
    public const int New = 0, Failed = 2;
}
