using Approval.Calendar;

namespace Approval.Utilities.Domain;

/// <summary>
/// The clock of one step on the region calendar: it starts when the step starts, counts the utility's own working days
/// against the step's limit, stops while a supplement of that step waits for the applicant, and stops for good when the
/// step ends (正常/预警/逾期 as DOMAIN.md's timer states).
/// </summary>
public static class StepClock
{
    public static ClockReading? Read(WorkingCalendar calendar, UtilityStep step, IEnumerable<Supplement> supplements, DateTimeOffset now, WarningThreshold threshold)
    {
        if (step.StartedAt is not { } started) return null;
        var pauses = supplements.Where(s => s.StepNo == step.No).Select(s => new Pause(s.RequestedAt, s.AnsweredAt, "补正"));
        var at = step.EndedAt ?? now;
        return Clock.Read(calendar, started, step.LimitWorkingDays, pauses, at, threshold, stopped: step.EndedAt is not null);
    }
}
