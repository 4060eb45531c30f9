using Approval.ServiceDefaults.Options;

namespace Approval.Supervision;

/// <summary>Settings under Approval:Supervision (docs/supervision.md).</summary>
public sealed class SupervisionOptions
{
    /// <summary>The longest period one figures request may cover; a longer one is refused naming this limit.</summary>
    [Positive] public int MaxPeriodDays { get; set; } = 366;
    /// <summary>The region's target for a project's total working days (e.g. 120 for government-invested projects).</summary>
    [Positive] public int ProjectTargetWorkingDays { get; set; } = 120;
    /// <summary>How often the warnings job re-reads the running clocks.</summary>
    [Positive] public TimeSpan WarningInterval { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Running clocks re-read per round of the job.</summary>
    [Positive] public int WarningBatch { get; set; } = 500;
    /// <summary>The period of the public transparency page (days back from today).</summary>
    [Positive] public int PublicPeriodDays { get; set; } = 365;
    /// <summary>建议投诉 (suggestions and complaints).</summary>
    public ComplaintOptions Complaints { get; set; } = new();

    /// <summary>Settings under Approval:Supervision:Complaints.</summary>
    public sealed class ComplaintOptions
    {
        /// <summary>The region's answer deadline: working days after submission (on the region's calendar).</summary>
        [Positive] public int AnswerWorkingDays { get; set; } = 5;
        /// <summary>How often the escalation job looks for unanswered ones past their deadline.</summary>
        [Positive] public TimeSpan EscalationInterval { get; set; } = TimeSpan.FromMinutes(10);
        /// <summary>Escalated per round of the job.</summary>
        [Positive] public int EscalationBatch { get; set; } = 200;
    }
}
