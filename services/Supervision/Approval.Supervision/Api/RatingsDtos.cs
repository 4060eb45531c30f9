using Approval.Contracts.Codes;
using Approval.Supervision.Domain;

namespace Approval.Supervision.Api;

/// <summary>An online rating: the matter (kind item|review|utility and its id), the level 1–5 and an optional comment (≤ 500).</summary>
public sealed record RateRequest(string? Kind, Guid SubjectId, int? Level, string? Comment);

/// <summary>A counter rating entered by the window for one visit (the application received at the counter).</summary>
public sealed record CounterRateRequest(Guid ApplicationId, int? Level, string? Comment);

public sealed record CallBackRequest(string? Note, bool? Verified);

public sealed record RectificationRequest(string? Measures);

/// <summary>Closes the task: the answer to the rater, and the rectification's result when one was started.</summary>
public sealed record AnswerRequest(string? Answer, string? Result);

public sealed record AppealRequest(string? Reason);

public sealed record AppealDecisionRequest(bool? Upheld, string? Note);

/// <summary>
/// A rating with its call-back task. The rater sees their rating, the task's progress and the answer; the unit's staff and
/// supervisors also see the rater's account and the appeal.
/// </summary>
public sealed record RatingDto(
    Guid Id, string Kind, Guid SubjectId, string? ProjectCode, string SubjectName, string UnitCode, string UnitName, string Channel,
    int Level, string LevelName, string? Comment, DateTimeOffset RatedAt, string? RaterId, string TaskState, string TaskStateName,
    string? CallBackNote, bool? Verified, DateTimeOffset? CalledBackAt, string? RectificationMeasures, DateOnly? RectificationDeadline,
    string? RectificationResult, DateTimeOffset? RectifiedAt, DateTimeOffset? EscalatedAt, string? Answer, DateTimeOffset? AnsweredAt,
    string? AppealReason, DateTimeOffset? AppealedAt, bool? AppealUpheld, string? AppealDecisionNote, DateTimeOffset? AppealDecidedAt, bool Counts)
{
    public static RatingDto Of(Rating r, bool staff) => new(
        r.Id, r.Kind, r.SubjectId, r.ProjectCode, r.SubjectName, r.UnitCode, r.UnitName, r.Channel, r.Level, SatisfactionNames.Names[r.Level], r.Comment,
        r.RatedAt, staff ? r.RaterId : null, r.TaskState.ToString(), r.TaskState.ChineseName(), r.CallBackNote, r.Verified, r.CalledBackAt,
        r.RectificationMeasures, r.RectificationDeadline, r.RectificationResult, r.RectifiedAt, staff ? r.EscalatedAt : null, r.Answer, r.AnsweredAt,
        staff ? r.AppealReason : null, staff ? r.AppealedAt : null, staff ? r.AppealUpheld : null, staff ? r.AppealDecisionNote : null,
        staff ? r.AppealDecidedAt : null, r.Counts);
}

/// <summary>A concluded matter of the applicant and its rating (null: not rated yet, it may be rated).</summary>
public sealed record RatableDto(string Kind, Guid SubjectId, string? ProjectCode, string Name, string UnitName, DateTimeOffset ConcludedAt, RatingDto? Rating);

/// <summary>A unit's ratings in a period: count, average level (1 best … 5 worst), bad ones, still open, overdue, appeals upheld.</summary>
public sealed record RatingStatisticsRow(
    string UnitCode, string UnitName, int Ratings, double AverageLevel, int Bad, int Open, int Escalated, int AppealsUpheld);
