using System.ComponentModel.DataAnnotations;
using Approval.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

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
    /// <summary>好差评: the rectification deadline and the escalation job (Approval:Supervision:Ratings).</summary>
    [ValidateObjectMembers] public RatingOptions Ratings { get; set; } = new();
    /// <summary>建议投诉: the answer deadline and the escalation job (Approval:Supervision:Complaints).</summary>
    [ValidateObjectMembers] public ComplaintOptions Complaints { get; set; } = new();
}

/// <summary>Settings of 好差评 (docs/supervision.md): the region's rectification deadline and how often overdue ones are escalated.</summary>
public sealed class RatingOptions
{
    /// <summary>整改期限: working days on the region's calendar from the rectification's start (5–15, the region's choice).</summary>
    [Range(5, 15)] public int RectificationWorkingDays { get; set; } = 10;
    /// <summary>How often the escalation job looks for overdue rectifications.</summary>
    [Positive] public TimeSpan EscalationInterval { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>Settings of 建议投诉 (docs/supervision.md): the region's answer deadline and the escalation job.</summary>
public sealed class ComplaintOptions
{
    /// <summary>The region's answer deadline: working days after submission (on the region's calendar).</summary>
    [Positive] public int AnswerWorkingDays { get; set; } = 5;
    /// <summary>How often the escalation job looks for unanswered ones past their deadline.</summary>
    [Positive] public TimeSpan EscalationInterval { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>Escalated per round of the job.</summary>
    [Positive] public int EscalationBatch { get; set; } = 200;
}
