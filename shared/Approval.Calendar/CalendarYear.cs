namespace Approval.Calendar;

/// <summary>One year of a region's calendar: public holidays (days off) and make-up working days (调休上班).</summary>
public sealed record CalendarYear(int Year, IReadOnlySet<DateOnly> Holidays, IReadOnlySet<DateOnly> MakeUpWorkdays);
