namespace Approval.Calendar;

/// <summary>A date outside every loaded year: the calendar never guesses (DOMAIN.md).</summary>
public sealed class CalendarRangeException(DateOnly date, IEnumerable<int> loadedYears)
    : Exception($"{date:yyyy-MM-dd} is outside the loaded calendar years ({string.Join(", ", loadedYears)}); add the year to the region pack. " +
                $"日期{date:yyyy-MM-dd}不在已加载的工作日历年份内，请在地区配置包中补充该年度。")
{
    public DateOnly Date { get; } = date;
}
