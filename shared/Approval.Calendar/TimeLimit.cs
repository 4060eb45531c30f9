namespace Approval.Calendar;

/// <summary>时限单位 (DOMAIN.md): the unit a catalog item states its time limit in.</summary>
public enum TimeLimitUnit
{
    WorkingDays = 1,
    CalendarDays = 2,
    Hours = 3,
    Minutes = 4,
    Months = 5,
}

/// <summary>
/// A time limit as the catalog states it (e.g. 4 hours for an immediate item, 20 working days for a permit).
/// The clock counts working days on the region's calendar, calendar days (自然日; months as the calendar days they span
/// from the start date) or working time in minutes (hours and minutes: time on days off is not counted).
/// </summary>
public readonly record struct TimeLimit(int Amount, TimeLimitUnit Unit)
{
    public static TimeLimit InWorkingDays(int days) => new(days, TimeLimitUnit.WorkingDays);

    /// <summary>True for a unit the clock counts: every unit of DOMAIN.md's list (1–5).</summary>
    public static bool IsSupported(int unit) => Enum.IsDefined((TimeLimitUnit)unit);

    /// <summary>The unit the clock counts this limit in.</summary>
    public ClockUnit ClockUnit => Unit switch
    {
        TimeLimitUnit.WorkingDays => ClockUnit.WorkingDays,
        TimeLimitUnit.CalendarDays or TimeLimitUnit.Months => ClockUnit.CalendarDays,
        TimeLimitUnit.Hours or TimeLimitUnit.Minutes => ClockUnit.Minutes,
        _ => throw new ArgumentOutOfRangeException(nameof(Unit), Unit, "not a time-limit unit of DOMAIN.md (1–5)"),
    };

    /// <summary>The limit in <see cref="ClockUnit"/> for a clock starting on <paramref name="start"/> (months span their calendar days).</summary>
    public int InClockUnits(DateOnly start) => Unit switch
    {
        TimeLimitUnit.Hours => checked(Amount * 60),
        TimeLimitUnit.Months => start.AddMonths(Amount).DayNumber - start.DayNumber,
        _ => Amount,
    };

    /// <summary>As the service guide states it: "4小时", "20个工作日".</summary>
    public override string ToString() => $"{Amount}{Unit.ChineseName()}";
}

/// <summary>What a clock counts in: working days, calendar days, or working minutes.</summary>
public enum ClockUnit
{
    WorkingDays = 1,
    CalendarDays = 2,
    Minutes = 4,
}

public static class TimeLimitUnitNames
{
    public static string ChineseName(this TimeLimitUnit unit) => unit switch
    {
        TimeLimitUnit.WorkingDays => "个工作日",
        TimeLimitUnit.CalendarDays => "个自然日",
        TimeLimitUnit.Hours => "小时",
        TimeLimitUnit.Minutes => "分钟",
        TimeLimitUnit.Months => "个月",
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    public static string ChineseName(this ClockUnit unit) => unit switch
    {
        ClockUnit.WorkingDays => "个工作日",
        ClockUnit.CalendarDays => "个自然日",
        ClockUnit.Minutes => "分钟",
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };
}
