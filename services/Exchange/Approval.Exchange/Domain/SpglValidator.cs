using System.Globalization;

namespace Approval.Exchange.Domain;

/// <summary>
/// The checks a row passes before it is sent (SPGL.md §4, DOMAIN.md): every required column filled, text within its
/// length, numbers, dates and codes well formed and in their code lists, planned start before planned end (error 130),
/// a stage limit of 1–50 working days, and an approval document's fields. The parent reference is checked by the sender,
/// which knows the other rows. Messages are in Chinese with the column, as the provincial side writes SBYY.
/// </summary>
public static class SpglValidator
{
    public static IReadOnlyList<string> Problems(SpglTable table, IReadOnlyDictionary<string, string?> values)
    {
        var problems = new List<string>();
        foreach (var c in table.Columns)
        {
            var v = values.GetValueOrDefault(c.Name);
            if (string.IsNullOrWhiteSpace(v))
            {
                if (c.Required) problems.Add($"{c.Label}（{c.Name}）必填");
                continue;
            }
            if (FormatProblem(c, v) is { } p) problems.Add(p);
        }
        problems.AddRange(TableRules(table, values));
        return problems;
    }

    private static string? FormatProblem(SpglColumn c, string v) => c.Type switch
    {
        SpglType.Text when c.Max > 0 && v.Length > c.Max => $"{c.Label}（{c.Name}）超过{c.Max}字",
        SpglType.Int when !int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => $"{c.Label}（{c.Name}）应为整数",
        SpglType.Int when c.Codes is { } codes && !codes.Contains(int.Parse(v, CultureInfo.InvariantCulture)) =>
            $"{c.Label}（{c.Name}）代码{v}不在代码表中（{string.Join("、", c.Codes)}）",
        SpglType.Number when !decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out _) => $"{c.Label}（{c.Name}）应为数值",
        SpglType.Date when Date(v) is null => $"{c.Label}（{c.Name}）应为日期（yyyy-MM-dd）",
        SpglType.Time when !DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => $"{c.Label}（{c.Name}）应为时间",
        _ => null,
    };

    private static IEnumerable<string> TableRules(SpglTable table, IReadOnlyDictionary<string, string?> values)
    {
        if (table == SpglTables.Project && Date(values.GetValueOrDefault("NKGSJ")) is { } start && Date(values.GetValueOrDefault("NJCSJ")) is { } end && start >= end)
            yield return $"拟开工时间（NKGSJ {start:yyyy-MM-dd}）应早于拟建成时间（NJCSJ {end:yyyy-MM-dd}）";
        if (table == SpglTables.Stage && int.TryParse(values.GetValueOrDefault("SPJDSX"), out var limit) && limit is < 1 or > 50)
            yield return $"审批阶段时限（SPJDSX {limit}）应为1至50个工作日";
        if (table == SpglTables.Project && decimal.TryParse(values.GetValueOrDefault("ZTZE"), NumberStyles.Number, CultureInfo.InvariantCulture, out var total) && total <= 0)
            yield return "总投资额（ZTZE）应大于0";
    }

    public static DateOnly? Date(string? v) =>
        DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
