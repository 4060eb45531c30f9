using System.Text;
using Approval.Supervision.Domain;
using MiniExcelLibs;

namespace Approval.Supervision.Api;

/// <summary>The figures as a spreadsheet (MiniExcel) or CSV with Chinese headers, one line per group.</summary>
public static class FigureExport
{
    private static IEnumerable<Dictionary<string, object>> Lines(IEnumerable<FigureRow> rows) => rows.Select(r => new Dictionary<string, object>
    {
        ["编码"] = r.Key, ["名称"] = r.Name, ["收件数"] = r.Received, ["受理数"] = r.Accepted, ["办结数"] = r.Concluded,
        ["办结率"] = r.ConclusionRate, ["按时办结率"] = r.OnTimeRate, ["平均用时（工作日）"] = r.AverageWorkingDays,
        ["P90用时（工作日）"] = r.P90WorkingDays, ["逾期数"] = r.Overdue, ["特别程序用时（工作日）"] = r.SpecialProcedureWorkingDays,
        ["补正用时（工作日）"] = r.CorrectionWorkingDays, ["补正次数"] = r.CorrectionCount,
    });

    public static byte[] Xlsx(IReadOnlyList<FigureRow> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(Lines(rows).ToList(), sheetName: "效能统计", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>CSV with a byte-order mark, so spreadsheet programs read the Chinese headers as UTF-8.</summary>
    public static byte[] Csv(IReadOnlyList<FigureRow> rows)
    {
        using var stream = new MemoryStream();
        stream.Write(Encoding.UTF8.Preamble);
        stream.SaveAs(Lines(rows).ToList(), excelType: ExcelType.CSV);
        return stream.ToArray();
    }
}
