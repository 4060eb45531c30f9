namespace Approval.Utilities.Domain;

/// <summary>
/// A step of a connection request (regulation 10.2–10.3: start, end and result): it starts when the previous one ends
/// (the first at the application) and ends when the utility records its result; the handler is who recorded it.
/// </summary>
public sealed class UtilityStep
{
    public int No { get; set; }
    public required string Name { get; set; }
    public StepKind Kind { get; set; }
    public int LimitWorkingDays { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? Handler { get; set; }
    public string? Result { get; set; }
}

/// <summary>
/// A supplement (补正) the utility asked for during a step: the clock of that step stops from the request until the
/// applicant answers (R-7.7: paused time is not counted).
/// </summary>
public sealed class Supplement
{
    public int StepNo { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? RequestedBy { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? Answer { get; set; }
}
