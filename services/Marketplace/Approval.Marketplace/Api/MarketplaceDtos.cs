using Approval.Calendar;
using Approval.Marketplace.Domain;

namespace Approval.Marketplace.Api;

public sealed record CodeName(int Code, string Name);

public sealed record ServiceTypeDto(string Code, string Name, string Material, int StageNo, string? ItemCode)
{
    public static ServiceTypeDto From(ServiceType t) => new(t.Code, t.Name, t.Material, t.StageNo, t.ItemCode);
}

public sealed record QualificationDto(string Type, string Level, string Authority, string Number, DateOnly ValidFrom, DateOnly ValidTo,
    List<string> Covers, bool Suspended, bool ValidToday)
{
    public static QualificationDto From(Qualification q, DateOnly today) =>
        new(q.Type, q.Level, q.Authority, q.Number, q.ValidFrom, q.ValidTo, q.Covers, q.Suspended, q.IsValidOn(today));
}

/// <summary>The public page of an agency (机构主页): profile, qualifications, services, ratings and timeliness.</summary>
public sealed record AgencyDto(Guid Id, string OrgCode, string Name, string CreditCode, string Contact, int StaffCount, decimal FeeMin, decimal FeeMax,
    List<string> ServiceTypes, List<QualificationDto> Qualifications, CodeName Status, string? ReviewNote, DateTimeOffset? ReviewedAt,
    List<ServiceDto> Services, AgencyRecordDto Record, List<string> ServiceAreas);

/// <summary>Ended commissions, how many on time (按时完成率), the ratings and their average (1 非常满意 … 5 非常不满意).</summary>
public sealed record AgencyRecordDto(int Ended, int OnTime, int Rated, double? AverageSatisfaction, Dictionary<string, int> Ratings);

public sealed record ServiceDto(Guid Id, Guid AgencyId, string AgencyName, string ServiceType, string ServiceName, string Material,
    string Guide, string Deliverables, string FeeBasis, int WorkingDays, DateTimeOffset PublishedAt)
{
    public static ServiceDto From(PublishedService s, Agency a)
    {
        var type = Domain.ServiceTypes.Find(s.ServiceType)!;
        return new(s.Id, a.Id, a.Name, s.ServiceType, type.Name, type.Material, s.Guide, s.Deliverables, s.FeeBasis, s.WorkingDays, s.PublishedAt);
    }
}

public sealed record PublishServiceRequest(string? ServiceType, string? Guide, string? Deliverables, string? FeeBasis, int? WorkingDays);

public sealed record ReviewAgencyRequest(bool? Verified, List<string>? SuspendedQualifications, string? Note);

public sealed record SelectRequest(string? EngineeringCode, string? ServiceType, string? Method, Guid? AgencyId, List<Guid>? Invited, DateTimeOffset? QuoteDeadline);

public sealed record QuoteRequest(decimal? Amount, string? Note);

public sealed record AnswerRequest(string? Reason);

public sealed record MilestoneRequest(string? Name, string? Note);

public sealed record DeliverRequest(string? FileName, string? Content);

public sealed record RateRequest(int? Satisfaction, string? Comment);

public sealed record QuoteDto(Guid AgencyId, decimal Amount, string? Note, DateTimeOffset QuotedAt, bool Won);

public sealed record SelectionDto(Guid Id, string ProjectCode, string EngineeringCode, string ServiceType, string Method, string MethodName,
    string? Seed, List<string> Candidates, List<string> Excluded, DateTimeOffset? QuoteDeadline, List<QuoteDto> Quotes,
    Guid? ChosenAgencyId, DateTimeOffset CreatedAt, DateTimeOffset? ConcludedAt, Guid? CommissionId)
{
    public static SelectionDto From(Selection s, Guid? commissionId, bool showQuotes = true) => new(
        s.Id, s.ProjectCode, s.EngineeringCode, s.ServiceType, MethodCode(s.Method), Selection.MethodName(s.Method), s.Seed, s.Candidates, s.Excluded,
        s.QuoteDeadline, showQuotes ? s.Quotes.Select(q => new QuoteDto(Guid.Parse(q.AgencyId), q.Amount, q.Note, q.QuotedAt, q.AgencyId == s.ChosenAgencyId)).ToList() : [],
        s.ChosenAgencyId is { } id ? Guid.Parse(id) : null, s.CreatedAt, s.ConcludedAt, commissionId);

    public static string MethodCode(SelectionMethod m) => m switch
    {
        SelectionMethod.Direct => "direct",
        SelectionMethod.RandomDraw => "random-draw",
        _ => "lowest-quote",
    };
}

/// <summary>A draw re-run from its record: the recorded agency and the one the seed and list give now (always the same).</summary>
public sealed record DrawCheckDto(Guid SelectionId, string Seed, List<string> Candidates, string RecordedAgencyId, string RecomputedAgencyId, bool Same);

public sealed record ClockDto(DateOnly StartDate, DateOnly Deadline, int Limit, int Used, int Remaining, string Unit, string State, bool Stopped)
{
    public static ClockDto? From(ClockReading? r) => r is null ? null
        : new(r.StartDate, r.Deadline, r.Limit, r.Used, r.Remaining, r.Unit.ChineseName(), r.State.ChineseName(), r.Stopped);
}

public sealed record DeliverableDto(Guid Id, string Name, string FileName, string Sha256, string SealCode, Guid SealId, string Signature, DateTimeOffset DeliveredAt)
{
    public static DeliverableDto From(Deliverable d) => new(d.Id, d.Name, d.FileName, d.Sha256, d.SealCode, d.SealId, d.Signature, d.DeliveredAt);
}

public sealed record CommissionDto(Guid Id, Guid SelectionId, string ProjectCode, string EngineeringCode, string ServiceType, string ServiceName,
    Guid AgencyId, string AgencyName, CodeName Status, DateTimeOffset OfferedAt, ClockDto? AnswerClock, DateTimeOffset? AnsweredAt, string? DeclineReason,
    DateTimeOffset? StartedAt, List<Milestone> Milestones, DateTimeOffset? EndedAt, ClockDto? ServiceClock, int LimitWorkingDays,
    CodeName? Satisfaction, string? RatingComment, DateTimeOffset? RatedAt, List<DeliverableDto> Deliverables);
