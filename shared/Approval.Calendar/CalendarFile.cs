using System.Text.Json;

namespace Approval.Calendar;

/// <summary>
/// Reads a region pack's calendar.json: a time zone and, per year, holidays and make-up working days as
/// dates or FROM/TO ranges. Every error names the file, the path and the rule.
/// </summary>
public static class CalendarFile
{
    private sealed record FileYear(int Year, List<string>? Holidays, List<string>? Workdays);
    private sealed record FileWarning(double? Fraction, int? WorkingDays);
    private sealed record FileShape(string? TimeZone, List<FileYear>? Years, FileWarning? Warning);

    /// <summary>The region's warning rule from the same file ("warning": { "fraction", "workingDays" }), else 20 % or 2 days.</summary>
    public static WarningThreshold LoadWarning(string path)
    {
        var warning = JsonSerializer.Deserialize<FileShape>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))?.Warning;
        return warning is null
            ? WarningThreshold.Default
            : new WarningThreshold(warning.Fraction ?? WarningThreshold.Default.Fraction, warning.WorkingDays ?? WarningThreshold.Default.WorkingDays);
    }

    public static WorkingCalendar Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Calendar file not found: {path}", path);
        FileShape shape;
        try
        {
            shape = JsonSerializer.Deserialize<FileShape>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? throw new InvalidDataException($"{path}: empty calendar");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Path}: not a valid calendar ({e.Message})", e);
        }

        var errors = new List<string>();
        TimeZoneInfo? zone = null;
        try { zone = TimeZoneInfo.FindSystemTimeZoneById(shape.TimeZone ?? ""); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { errors.Add($"{path}: timeZone: unknown time zone '{shape.TimeZone}'"); }

        var years = new List<CalendarYear>();
        var list = shape.Years ?? [];
        if (list.Count == 0) errors.Add($"{path}: years: at least one year is required");
        for (var i = 0; i < list.Count; i++)
        {
            var (year, problems) = CalendarSchedule.Parse(list[i].Year, list[i].Holidays, list[i].Workdays);
            errors.AddRange(problems.Select(p => $"{path}: years[{i}].{p.Field}: {p.English}"));
            years.Add(year);
        }
        if (years.Select(y => y.Year).Distinct().Count() != years.Count) errors.Add($"{path}: years: a year is listed twice");
        if (errors.Count > 0) throw new InvalidDataException("The calendar is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        return new WorkingCalendar(zone!, years);
    }
}
