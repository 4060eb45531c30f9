namespace Approval.Portal.Clients;

/// <summary>The marketplace's answers (docs/marketplace.md); field names are the API's, for its errors.</summary>
public sealed record MarketCodeName(int Code, string Name);

public sealed record MarketServiceType(string Code, string Name, string Material, int StageNo, string? ItemCode);

public sealed record MarketQualification(string Type, string Level, string Authority, string Number, DateOnly ValidFrom, DateOnly ValidTo,
    List<string> Covers, bool Suspended, bool ValidToday);

public sealed record MarketAgencyRecord(int Ended, int OnTime, int Rated, double? AverageSatisfaction, Dictionary<string, int> Ratings);

public sealed record MarketService(Guid Id, Guid AgencyId, string AgencyName, string ServiceType, string ServiceName, string Material,
    string Guide, string Deliverables, string FeeBasis, int WorkingDays, DateTimeOffset PublishedAt);

public sealed record MarketAgency(Guid Id, string OrgCode, string Name, string CreditCode, string Contact, int StaffCount, decimal FeeMin, decimal FeeMax,
    List<string> ServiceTypes, List<MarketQualification> Qualifications, MarketCodeName Status, string? ReviewNote, DateTimeOffset? ReviewedAt,
    List<MarketService> Services, MarketAgencyRecord Record, List<string>? ServiceAreas = null);

public sealed record MarketQualificationInput(string? Type, string? Level, string? Authority, string? Number, DateOnly? ValidFrom, DateOnly? ValidTo, List<string>? Covers);

public sealed record MarketAgencyProfile(string? Name, string? CreditCode, string? Contact, int? StaffCount, decimal? FeeMin, decimal? FeeMax,
    List<string>? ServiceTypes, List<MarketQualificationInput>? Qualifications, List<string>? ServiceAreas = null);

public sealed record MarketQuote(Guid AgencyId, decimal Amount, string? Note, DateTimeOffset QuotedAt, bool Won);

public sealed record MarketSelection(Guid Id, string ProjectCode, string EngineeringCode, string ServiceType, string Method, string MethodName,
    string? Seed, List<string> Candidates, List<string> Excluded, DateTimeOffset? QuoteDeadline, List<MarketQuote> Quotes,
    Guid? ChosenAgencyId, DateTimeOffset CreatedAt, DateTimeOffset? ConcludedAt, Guid? CommissionId);

public sealed record MarketDrawCheck(Guid SelectionId, string Seed, List<string> Candidates, string RecordedAgencyId, string RecomputedAgencyId, bool Same);

public sealed record MarketClock(DateOnly StartDate, DateOnly Deadline, int Limit, int Used, int Remaining, string Unit, string State, bool Stopped);

public sealed record MarketMilestone(string Name, string? Note, DateTimeOffset At);

public sealed record MarketDeliverable(Guid Id, string Name, string FileName, string Sha256, string SealCode, Guid SealId, string Signature, DateTimeOffset DeliveredAt);

public sealed record MarketCommission(Guid Id, Guid SelectionId, string ProjectCode, string EngineeringCode, string ServiceType, string ServiceName,
    Guid AgencyId, string AgencyName, MarketCodeName Status, DateTimeOffset OfferedAt, MarketClock? AnswerClock, DateTimeOffset? AnsweredAt, string? DeclineReason,
    DateTimeOffset? StartedAt, List<MarketMilestone> Milestones, DateTimeOffset? EndedAt, MarketClock? ServiceClock, int LimitWorkingDays,
    MarketCodeName? Satisfaction, string? RatingComment, DateTimeOffset? RatedAt, List<MarketDeliverable> Deliverables);

/// <summary>满意度 (DOMAIN.md).</summary>
public static class MarketSatisfaction
{
    public static readonly IReadOnlyList<(int Code, string Name)> Levels = [(1, "非常满意"), (2, "满意"), (3, "基本满意"), (4, "不满意"), (5, "非常不满意")];
}
