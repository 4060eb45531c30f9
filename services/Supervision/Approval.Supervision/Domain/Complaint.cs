namespace Approval.Supervision.Domain;

/// <summary>
/// A suggestion (建议) or complaint (投诉) about a department (optionally one of its items or a case), routed to that
/// department, to be answered (答复) by its deadline — the region's configured working days after submission on the
/// region's calendar; an unanswered one past its deadline is escalated once (ComplaintEscalationJob).
/// </summary>
public sealed class Complaint
{
    public const string SuggestionKind = "suggestion";
    public const string ComplaintKind = "complaint";
    public const int MaxTitle = 100, MaxText = 2000, MaxAnswer = 2000, MaxItemCode = 64;

    public Guid Id { get; init; }
    public required string RegionCode { get; init; }
    public required string Kind { get; init; }
    public required string DepartmentCode { get; init; }
    public required string DepartmentName { get; init; }
    public string? ItemCode { get; init; }
    public Guid? ApplicationId { get; init; }
    public required string Title { get; init; }
    public required string Text { get; init; }
    public required string SubmitterId { get; init; }
    public required string SubmitterName { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    /// <summary>The submission's date on the region's calendar (the figures' period).</summary>
    public DateOnly SubmittedDate { get; init; }
    /// <summary>The last working day on which an answer is on time.</summary>
    public DateOnly Deadline { get; init; }
    public string? Answer { get; private set; }
    public string? AnsweredById { get; private set; }
    public string? AnsweredByName { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    /// <summary>The answer's date on the region's calendar (for the on-time count).</summary>
    public DateOnly? AnsweredDate { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }
    public uint Version { get; private set; }

    public bool Answered => AnsweredAt is not null;

    /// <summary>Past its deadline unanswered, or answered after it.</summary>
    public bool IsOverdue(DateOnly today) => AnsweredDate is { } answered ? answered > Deadline : today > Deadline;

    /// <summary>Unanswered, past its deadline and not yet escalated: the job escalates it (once).</summary>
    public bool DueForEscalation(DateOnly today) => !Answered && EscalatedAt is null && today > Deadline;

    public string KindName => Kind == ComplaintKind ? "投诉" : "建议";

    /// <summary>The request checked: kind, title, text, item code; the department is checked against the region's record by the caller.</summary>
    public static void Validate(string? kind, string? title, string? text, string? itemCode, FieldErrors errors)
    {
        errors.Require(kind is SuggestionKind or ComplaintKind, "kind", "must be suggestion or complaint", "须为 suggestion（建议）或 complaint（投诉）");
        errors.Require(!string.IsNullOrWhiteSpace(title) && title.Trim().Length <= MaxTitle, "title",
            $"is required, at most {MaxTitle} characters", $"标题必填，最多{MaxTitle}字");
        errors.Require(!string.IsNullOrWhiteSpace(text) && text.Trim().Length <= MaxText, "text",
            $"is required, at most {MaxText} characters", $"内容必填，最多{MaxText}字");
        errors.Require(itemCode is null || itemCode.Trim().Length <= MaxItemCode, "itemCode",
            $"may be at most {MaxItemCode} characters", $"事项编码最多{MaxItemCode}个字符");
    }

    /// <summary>答复: once, not blank, at most <see cref="MaxAnswer"/> characters; a second answer is refused (409).</summary>
    public void AnswerWith(string? answer, string byId, string byName, DateTimeOffset now, DateOnly today)
    {
        var text = answer?.Trim();
        new FieldErrors().Require(!string.IsNullOrEmpty(text) && text.Length <= MaxAnswer, "answer",
            $"is required, at most {MaxAnswer} characters", $"答复内容必填，最多{MaxAnswer}字").ThrowIfAny();
        if (Answered)
            throw new RequestRefusedException(StatusCodes.Status409Conflict, "Already answered / 已答复",
                "this suggestion or complaint has already been answered", "该建议投诉已答复");
        (Answer, AnsweredById, AnsweredByName, AnsweredAt, AnsweredDate) = (text, byId, byName, now, today);
    }

    public void MarkEscalated(DateTimeOffset now) => EscalatedAt = now;
}
