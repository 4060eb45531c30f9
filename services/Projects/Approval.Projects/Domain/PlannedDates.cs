namespace Approval.Projects.Domain;

/// <summary>
/// 拟开工时间 / 拟建成时间: optional, but stated together, the start strictly before the end (DOMAIN.md's exchange rule —
/// the provincial system refuses a project otherwise), both within a plausible span so a typing slip is caught here.
/// </summary>
public static class PlannedDates
{
    public static readonly DateOnly Earliest = new(2000, 1, 1), Latest = new(2100, 12, 31);

    public static void Check(DateOnly? start, DateOnly? end, FieldErrors errors)
    {
        if (start is null != end is null)
        {
            errors.Add(start is null ? "plannedStart" : "plannedEnd",
                "planned start and planned end are given together / 拟开工时间与拟建成时间应同时填写");
            return;
        }
        if (start is not { } s || end is not { } e) return;
        errors.Require(InSpan(s), "plannedStart", Span("planned start"), SpanChinese("拟开工时间"));
        errors.Require(InSpan(e), "plannedEnd", Span("planned end"), SpanChinese("拟建成时间"));
        errors.Require(s < e, "plannedEnd", "must be after the planned start", "拟开工时间应早于拟建成时间");
    }

    private static bool InSpan(DateOnly d) => d >= Earliest && d <= Latest;
    private static string Span(string what) => $"{what} must be between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}";
    private static string SpanChinese(string what) => $"{what}应在{Earliest:yyyy-MM-dd}至{Latest:yyyy-MM-dd}之间";
}
