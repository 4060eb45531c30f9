using Approval.Calendar;

namespace Approval.Reviews.Api;

/// <summary>Today in the region's time zone: the day a qualification must still be valid on.</summary>
public sealed class WorkingCalendarToday(WorkingCalendar calendar, TimeProvider clock)
{
    public DateOnly Date => calendar.LocalDate(clock.GetUtcNow());
}
