namespace Approval.Calendar;

/// <summary>Timer state (DOMAIN.md): 正常 on time, 预警 within the warning threshold, 逾期 overdue.</summary>
public enum ClockState
{
    OnTime,
    Warning,
    Overdue,
}

public static class ClockStateNames
{
    public static string ChineseName(this ClockState state) => state switch
    {
        ClockState.OnTime => "正常",
        ClockState.Warning => "预警",
        ClockState.Overdue => "逾期",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}
