using System.Text;
using Approval.Supervision.Domain;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;

namespace Approval.Supervision.Api;

/// <summary>One exported line: a group's figures under their Chinese headers (written also when the period has no line).</summary>
public sealed record FigureLine(
    [property: ExcelColumnName("编码")] string Key,
    [property: ExcelColumnName("名称")] string Name,
    [property: ExcelColumnName("收件数")] int Received,
    [property: ExcelColumnName("受理数")] int Accepted,
    [property: ExcelColumnName("办结数")] int Concluded,
    [property: ExcelColumnName("办结率")] double ConclusionRate,
    [property: ExcelColumnName("按时办结率")] double OnTimeRate,
    [property: ExcelColumnName("平均用时（工作日）")] double AverageWorkingDays,
    [property: ExcelColumnName("P90用时（工作日）")] double P90WorkingDays,
    [property: ExcelColumnName("逾期数")] int Overdue,
    [property: ExcelColumnName("特别程序用时（工作日）")] int SpecialProcedureWorkingDays,
    [property: ExcelColumnName("补正用时（工作日）")] int CorrectionWorkingDays,
    [property: ExcelColumnName("补正次数")] int CorrectionCount)
{
    public static FigureLine Of(FigureRow r) => new(r.Key, r.Name, r.Received, r.Accepted, r.Concluded, r.ConclusionRate, r.OnTimeRate,
        r.AverageWorkingDays, r.P90WorkingDays, r.Overdue, r.SpecialProcedureWorkingDays, r.CorrectionWorkingDays, r.CorrectionCount);
}

/// <summary>The figures as a spreadsheet (MiniExcel) or CSV with Chinese headers, one line per group.</summary>
public static class FigureExport
{
    public static byte[] Xlsx(IReadOnlyList<FigureRow> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(FigureLine.Of).ToList(), sheetName: "效能统计", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>CSV with a byte-order mark, so spreadsheet programs read the Chinese headers as UTF-8.</summary>
    public static byte[] Csv(IReadOnlyList<FigureRow> rows)
    {
        using var stream = new MemoryStream();
        stream.Write(Encoding.UTF8.Preamble);
        stream.SaveAs(rows.Select(FigureLine.Of).ToList(), excelType: ExcelType.CSV);
        return stream.ToArray();
    }
}
