using Approval.Calendar;

namespace Approval.Marketplace.Domain;

/// <summary>
/// The clocks of a commission on the region's calendar (DOMAIN.md "Time", 正常/预警/逾期): the answer limit from the
/// offer (the region's accept limit), and the service's time limit from the start, stopped at the end.
/// </summary>
public static class CommissionClock
{
    /// <summary>The answer clock while the commission waits for the agency; null once answered.</summary>
    public static ClockReading? Answer(Commission c, int acceptWorkingDays, WorkingCalendar calendar, WarningThreshold threshold, DateTimeOffset now) =>
        c.Status == CommissionStatus.Offered ? Clock.Read(calendar, c.OfferedAt, acceptWorkingDays, [], now, threshold) : null;

    /// <summary>True when the answer limit has passed (逾期): the agency can no longer accept.</summary>
    public static bool AnswerLapsed(Commission c, int acceptWorkingDays, WorkingCalendar calendar, DateTimeOffset now) =>
        Answer(c, acceptWorkingDays, calendar, WarningThreshold.Default, now)?.State == ClockState.Overdue;

    /// <summary>The service clock from the start; at the end it stops and shows 正常 or 逾期 for good.</summary>
    public static ClockReading? Service(Commission c, WorkingCalendar calendar, WarningThreshold threshold, DateTimeOffset now) =>
        c.StartedAt is { } started
            ? Clock.Read(calendar, started, c.LimitWorkingDays, [], c.EndedAt ?? now, threshold, stopped: c.EndedAt is not null)
            : null;

    /// <summary>Ended on time: the stopped service clock is not 逾期.</summary>
    public static bool OnTime(Commission c, WorkingCalendar calendar) =>
        c.EndedAt is not null && Service(c, calendar, WarningThreshold.Default, c.EndedAt.Value)?.State != ClockState.Overdue;
}
