using Approval.Calendar;

namespace Approval.Reviews.Domain;

/// <summary>
/// A technical review (技术审查) commissioned by an applicant for a project of theirs from a qualified agency. Its clock
/// runs on the region calendar from 开始 (the agency accepts the materials) over the type's limit; a supplement request
/// (补充材料) pauses it until the applicant answers; 办结 stops it with a conclusion, opinions per discipline and the sealed result.
/// </summary>
public sealed class Review
{
    public Guid Id { get; init; }
    public string RegionCode { get; init; } = "";
    public string OwnerId { get; init; } = "";
    public string OwnerName { get; init; } = "";
    public string ProjectCode { get; init; } = "";
    public string? EngineeringCode { get; init; }
    public string TypeCode { get; init; } = "";
    public string AgencyCode { get; init; } = "";
    public string AgencyName { get; init; } = "";
    public int LimitWorkingDays { get; init; }
    /// <summary>The applicant's materials the agency reviews (Intake material ids), linked, never re-uploaded.</summary>
    public List<Guid> MaterialIds { get; init; } = [];
    public string? Note { get; init; }
    public ReviewStatus Status { get; private set; } = ReviewStatus.Commissioned;
    public DateTimeOffset CommissionedAt { get; init; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? ConcludedAt { get; private set; }
    public ReviewConclusion? Conclusion { get; private set; }
    public List<DisciplineOpinion> Opinions { get; private set; } = [];
    public List<SupplementRequest> Supplements { get; private set; } = [];
    /// <summary>The sealed result's record; its bytes are a <see cref="ResultFileContent"/> row of their own.</summary>
    public ReviewResult? Result { get; private set; }
    public uint Version { get; private set; }

    public static Review Commission(Guid id, string region, string ownerId, string ownerName, string projectCode, string? engineeringCode,
        ReviewType type, string agencyCode, string agencyName, int limitWorkingDays, IEnumerable<Guid> materials, string? note, DateTimeOffset now) =>
        new()
        {
            Id = id, RegionCode = region, OwnerId = ownerId, OwnerName = ownerName, ProjectCode = projectCode, EngineeringCode = engineeringCode,
            TypeCode = type.Code, AgencyCode = agencyCode, AgencyName = agencyName, LimitWorkingDays = limitWorkingDays,
            MaterialIds = materials.Distinct().ToList(), Note = note, CommissionedAt = now,
        };

    /// <summary>开始: the agency accepted the materials; the clock starts.</summary>
    public void Start(DateTimeOffset now)
    {
        if (Status != ReviewStatus.Commissioned) throw ReviewRuleException.Transition(Status, "started", "开始审查");
        Status = ReviewStatus.InReview;
        StartedAt = now;
    }

    /// <summary>补充材料: the clock pauses until the applicant answers.</summary>
    public void RequestSupplement(string reason, DateTimeOffset now)
    {
        if (Status != ReviewStatus.InReview) throw ReviewRuleException.Transition(Status, "asked for a supplement", "要求补充材料");
        Supplements = [.. Supplements, new SupplementRequest(reason, now)];
        Status = ReviewStatus.Supplementing;
    }

    /// <summary>The applicant's answer: the pause ends and the review goes on.</summary>
    public void AnswerSupplement(string? answer, IEnumerable<Guid> materials, DateTimeOffset now)
    {
        if (Status != ReviewStatus.Supplementing) throw ReviewRuleException.Transition(Status, "answered with a supplement", "提交补充材料");
        var open = Supplements[^1];
        var answeredAt = now > open.RequestedAt ? now : open.RequestedAt;
        Supplements = [.. Supplements[..^1], open with { Answer = answer, AnsweredAt = answeredAt, MaterialIds = materials.Distinct().ToList() }];
        Status = ReviewStatus.InReview;
    }

    /// <summary>办结 with the conclusion, the opinions and (when the type asks for one) the sealed result.</summary>
    public void Conclude(ReviewConclusion conclusion, IEnumerable<DisciplineOpinion> opinions, ReviewResult? result, DateTimeOffset now)
    {
        if (Status != ReviewStatus.InReview) throw ReviewRuleException.Transition(Status, "concluded", "办结");
        Status = ReviewStatus.Concluded;
        Conclusion = conclusion;
        Opinions = opinions.ToList();
        Result = result;
        ConcludedAt = now;
    }

    public bool Passed => Conclusion is { } c && c.Passes();

    public IEnumerable<Pause> Pauses => Supplements.Select(s => new Pause(s.RequestedAt, s.AnsweredAt, "补充材料"));

    /// <summary>The clock from 开始 (null before it); stopped at 办结.</summary>
    public ClockReading? ReadClock(WorkingCalendar calendar, DateTimeOffset now, WarningThreshold threshold) =>
        StartedAt is { } started
            ? Clock.Read(calendar, started, LimitWorkingDays, Pauses, ConcludedAt ?? now, threshold, stopped: ConcludedAt is not null)
            : null;
}

/// <summary>A result file's bytes (at most <see cref="ReviewLimits.MaxResultBytes"/>), read only when downloaded.</summary>
public sealed class ResultFileContent
{
    public Guid ReviewId { get; init; }
    public byte[] Content { get; init; } = [];
}

public static class ReviewLimits
{
    /// <summary>A result file is at most 10 MB (a material delivered to Intake may be 20 MB).</summary>
    public const int MaxResultBytes = 10 * 1024 * 1024;
}
