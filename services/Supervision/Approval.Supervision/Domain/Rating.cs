using Approval.Contracts.Codes;
using Approval.Calendar;

namespace Approval.Supervision.Domain;

/// <summary>
/// A 好差评 rating (R-11.1, DOMAIN.md "Rating"): the rater's satisfaction (1 非常满意 … 5 非常不满意) with one concluded
/// matter — an item instance, a technical review, a utility request or an intermediary commission, rated once online — or
/// with one counter visit (an application's reception at the window), entered once by the window on the rater's behalf.
/// A bad rating (4, 5) opens the handling unit's call-back task (回访核实): call-back and verification, a rectification
/// (整改) with the region's deadline, the answer to the rater (答复), and the unit's appeal (申诉) a supervisor decides.
/// </summary>
public sealed class Rating
{
    public const string Item = "item";
    public const string Review = ServiceClock.Review;
    public const string Utility = ServiceClock.Utility;
    public const string Intermediary = ServiceClock.Intermediary;
    public const string Counter = "counter";
    public const string Online = "online";
    public const int MaxComment = 500;
    public const int MaxText = 1000;

    public Guid Id { get; init; }
    /// <summary>What was rated: item, review, utility, intermediary (online) or counter (a visit).</summary>
    public required string Kind { get; init; }
    /// <summary>The matter's id: item instance, review, utility request, commission, or the application for a visit.</summary>
    public Guid SubjectId { get; init; }
    public required string RegionCode { get; init; }
    public string? ProjectCode { get; init; }
    public required string SubjectName { get; init; }
    /// <summary>The unit that handled the matter: the item's department, the provider's organisation, the window.</summary>
    public required string UnitCode { get; init; }
    public required string UnitName { get; init; }
    public required string RaterId { get; init; }
    /// <summary>online (the rater) or counter (entered by the window, <see cref="EnteredBy"/>).</summary>
    public required string Channel { get; init; }
    public string? EnteredBy { get; init; }
    public int Level { get; init; }
    public string? Comment { get; init; }
    public DateTimeOffset RatedAt { get; init; }
    /// <summary>The local date of the rating on the region's calendar: the period statistics count it in.</summary>
    public DateOnly RatedDate { get; init; }

    public RatingTaskState TaskState { get; private set; }
    public string? CallBackNote { get; private set; }
    public bool? Verified { get; private set; }
    public DateTimeOffset? CalledBackAt { get; private set; }
    public string? CalledBackBy { get; private set; }
    public string? RectificationMeasures { get; private set; }
    public DateOnly? RectificationDeadline { get; private set; }
    public DateTimeOffset? RectificationStartedAt { get; private set; }
    public string? RectificationResult { get; private set; }
    public DateTimeOffset? RectifiedAt { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }
    public string? Answer { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? AnsweredBy { get; private set; }
    public string? AppealReason { get; private set; }
    public DateTimeOffset? AppealedAt { get; private set; }
    public string? AppealedBy { get; private set; }
    /// <summary>null while undecided; true: upheld (the rating no longer counts), false: rejected.</summary>
    public bool? AppealUpheld { get; private set; }
    public string? AppealDecisionNote { get; private set; }
    public DateTimeOffset? AppealDecidedAt { get; private set; }
    public string? AppealDecidedBy { get; private set; }
    public uint Version { get; private set; }

    /// <summary>不满意 or 非常不满意: handled by the unit (回访核实).</summary>
    public bool Bad => Level >= 4;

    /// <summary>Counted in the statistics unless an appeal found it malicious.</summary>
    public bool Counts => AppealUpheld != true;

    /// <summary>A new rating: the level and comment checked (400 naming the field), a bad one with its task open.</summary>
    public static Rating Create(string kind, Guid subjectId, RatingMatter matter, string raterId, string channel, string? enteredBy,
        int? level, string? comment, DateTimeOffset at, DateOnly date)
    {
        var text = Check(level, comment);
        return new Rating
        {
            Id = Guid.CreateVersion7(at), Kind = kind, SubjectId = subjectId, RegionCode = matter.RegionCode, ProjectCode = matter.ProjectCode,
            SubjectName = matter.Name, UnitCode = matter.UnitCode, UnitName = matter.UnitName, RaterId = raterId, Channel = channel,
            EnteredBy = enteredBy, Level = level!.Value, Comment = text, RatedAt = at, RatedDate = date,
            TaskState = level >= 4 ? RatingTaskState.Open : RatingTaskState.None,
        };
    }

    /// <summary>The level (one of the five) and the comment (optional, ≤ 500) checked, 400 naming the field; the comment trimmed.</summary>
    public static string? Check(int? level, string? comment)
    {
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        new FieldErrors()
            .Require(level is { } l && SatisfactionNames.Names.ContainsKey(l), "level", $"must be one of {SatisfactionNames.Describe()}", $"满意度应为：{SatisfactionNames.Describe()}")
            .Require(text is null || text.Length <= MaxComment, "comment", $"at most {MaxComment} characters", $"评价内容最多{MaxComment}字")
            .ThrowIfAny();
        return text;
    }

    /// <summary>回访核实: the unit called the rater back and verified the complaint (true: it was founded).</summary>
    public void RecordCallBack(string? note, bool? verified, string by, DateTimeOffset at)
    {
        Expect(RatingTaskState.Open, "record a call-back", "登记回访核实");
        var text = Required(note, "note", "回访核实情况");
        new FieldErrors().Require(verified is not null, "verified", "is required (was the complaint founded?)", "须填写核实结论（是否属实）").ThrowIfAny();
        (CallBackNote, Verified, CalledBackAt, CalledBackBy, TaskState) = (text, verified, at, by, RatingTaskState.CalledBack);
    }

    /// <summary>整改: after the call-back, the unit's measures with the deadline the region allows (working days).</summary>
    public void StartRectification(string? measures, DateOnly deadline, DateTimeOffset at)
    {
        Expect(RatingTaskState.CalledBack, "start a rectification", "登记整改");
        RectificationMeasures = Required(measures, "measures", "整改措施");
        (RectificationDeadline, RectificationStartedAt, TaskState) = (deadline, at, RatingTaskState.Rectifying);
    }

    /// <summary>The deadline of a rectification started at <paramref name="at"/>: that many working days on the region's calendar.</summary>
    public static DateOnly RectificationDeadlineFrom(WorkingCalendar calendar, DateTimeOffset at, int workingDays) =>
        calendar.AddWorkingDays(calendar.LocalDate(at), workingDays);

    /// <summary>答复: closes the task with the answer to the rater (and, when rectifying, the rectification's result).</summary>
    public void Close(string? answer, string? result, string by, DateTimeOffset at)
    {
        if (TaskState is not (RatingTaskState.CalledBack or RatingTaskState.Rectifying))
            throw Refused("answer", "答复", TaskState);
        var errors = new FieldErrors()
            .Require(!string.IsNullOrWhiteSpace(answer) && answer.Trim().Length <= MaxText, "answer",
                $"the answer to the rater is required to close, at most {MaxText} characters", $"办结须填写对评价人的答复，最多{MaxText}字");
        var rectifying = TaskState == RatingTaskState.Rectifying;
        errors.Require(!rectifying || (!string.IsNullOrWhiteSpace(result) && result.Trim().Length <= MaxText), "result",
            $"the rectification's result is required, at most {MaxText} characters", $"须填写整改结果，最多{MaxText}字");
        errors.ThrowIfAny();
        if (rectifying) (RectificationResult, RectifiedAt) = (result!.Trim(), at);
        (Answer, AnsweredAt, AnsweredBy, TaskState) = (answer!.Trim(), at, by, RatingTaskState.Answered);
    }

    /// <summary>申诉: the unit holds the rating malicious; once per rating, a bad one only.</summary>
    public void FileAppeal(string? reason, string by, DateTimeOffset at)
    {
        if (TaskState == RatingTaskState.None) throw new RatingRuleException("Only a bad rating can be appealed.", "只有差评可以申诉。");
        if (AppealedAt is not null) throw new RatingRuleException("This rating has been appealed already.", "该评价已申诉，不能重复申诉。");
        (AppealReason, AppealedAt, AppealedBy) = (Required(reason, "reason", "申诉理由"), at, by);
    }

    /// <summary>A supervisor's decision on the appeal: upheld takes the rating out of the statistics.</summary>
    public void DecideAppeal(bool? upheld, string? note, string by, DateTimeOffset at)
    {
        if (AppealedAt is null) throw new RatingRuleException("This rating has no appeal to decide.", "该评价没有待裁定的申诉。");
        if (AppealUpheld is not null) throw new RatingRuleException("The appeal has been decided already.", "该申诉已裁定。");
        new FieldErrors().Require(upheld is not null, "upheld", "is required (true: the rating was malicious)", "须填写裁定结果（是否恶意评价）").ThrowIfAny();
        (AppealUpheld, AppealDecisionNote, AppealDecidedAt, AppealDecidedBy) = (upheld, Required(note, "note", "裁定意见"), at, by);
    }

    /// <summary>An overdue rectification (past its deadline, not closed) due for escalation, marked so it escalates once.</summary>
    public bool TakeEscalation(DateOnly today, DateTimeOffset at)
    {
        if (TaskState != RatingTaskState.Rectifying || EscalatedAt is not null || RectificationDeadline is not { } deadline || today <= deadline) return false;
        EscalatedAt = at;
        return true;
    }

    private void Expect(RatingTaskState state, string english, string chinese)
    {
        if (TaskState != state) throw Refused(english, chinese, TaskState);
    }

    private static RatingRuleException Refused(string english, string chinese, RatingTaskState current) => new(
        $"Cannot {english}: the call-back task is {current}.", $"当前回访任务状态为“{current.ChineseName()}”，不能{chinese}。");

    private static string Required(string? value, string field, string chinese)
    {
        new FieldErrors().Require(!string.IsNullOrWhiteSpace(value) && value.Trim().Length <= MaxText, field,
            $"is required, at most {MaxText} characters", $"{chinese}必填，最多{MaxText}字").ThrowIfAny();
        return value!.Trim();
    }
}

/// <summary>The call-back task of a rating: none (not bad), open, called back, rectifying, answered (closed).</summary>
public enum RatingTaskState { None, Open, CalledBack, Rectifying, Answered }

/// <summary>A rating rule broken by the request's moment (409): a second rating, a wrong step of the task.</summary>
public sealed class RatingRuleException(string message, string chineseMessage) : DomainException(message, chineseMessage);

/// <summary>What a rating is about, read from the clocks: where, which project, its name, and the unit that handled it.</summary>
public sealed record RatingMatter(string RegionCode, string? ProjectCode, string Name, string UnitCode, string UnitName);

/// <summary>The Chinese names of a rating's call-back task states (its levels: <see cref="SatisfactionNames"/>).</summary>
public static class RatingLevels
{
    public static string ChineseName(this RatingTaskState state) => state switch
    {
        RatingTaskState.None => "无需回访",
        RatingTaskState.Open => "待回访",
        RatingTaskState.CalledBack => "已回访核实",
        RatingTaskState.Rectifying => "整改中",
        _ => "已答复",
    };
}
