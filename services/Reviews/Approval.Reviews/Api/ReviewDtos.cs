using Approval.Calendar;
using Approval.Reviews.Domain;

namespace Approval.Reviews.Api;

public sealed record CommissionRequest(string? ProjectCode, string? EngineeringCode, string? TypeCode, string? AgencyCode,
    List<Guid>? MaterialIds, string? Note);

public sealed record SupplementRequestBody(string? Reason);

public sealed record SupplementAnswerBody(string? Answer, List<Guid>? MaterialIds);

public sealed record ResultFileBody(string? FileName, string? ContentType, string? Content);

public sealed record ConcludeRequest(string? Conclusion, List<DisciplineOpinion>? Opinions, ResultFileBody? Result);

public sealed record AgencyDto(string Code, string Name, DateOnly? ValidUntil);

public sealed record ReviewTypeDto(string Code, string Name, string MaterialName, string? CatalogItemCode, int LimitWorkingDays,
    bool RequiresResultFile, IReadOnlyList<AgencyDto> Agencies);

/// <summary>A clock as the portal shows it: 正常 / 预警 / 逾期, working days used, left and paused, the deadline.</summary>
public sealed record ClockDto(DateOnly StartDate, DateOnly Deadline, int Limit, int Used, int Remaining, int Paused, bool IsPaused,
    bool Stopped, string State, string StateName)
{
    public static ClockDto? From(ClockReading? r) => r is null ? null
        : new(r.StartDate, r.Deadline, r.Limit, r.Used, r.Remaining, r.Paused, r.IsPaused, r.Stopped,
            r.State.ToString(), r.State.ChineseName());
}

public sealed record ResultDto(string FileName, string ContentType, string Sha256, int Size, Guid SealId, string SealCode, string Signature,
    DateTimeOffset SignedAt);

public sealed record ReviewDto(
    Guid Id, string RegionCode, string ProjectCode, string? EngineeringCode, string TypeCode, string TypeName, string MaterialName,
    string AgencyCode, string AgencyName, string OwnerId, string OwnerName, string Status, string StatusName,
    string? Conclusion, string? ConclusionName, bool Passed, IReadOnlyList<DisciplineOpinion> Opinions,
    IReadOnlyList<SupplementRequest> Supplements, IReadOnlyList<Guid> MaterialIds, string? Note, int LimitWorkingDays,
    DateTimeOffset CommissionedAt, DateTimeOffset? StartedAt, DateTimeOffset? ConcludedAt, ClockDto? Clock, ResultDto? Result)
{
    public static ReviewDto From(Review r, ClockReading? clock)
    {
        var type = ReviewType.Find(r.TypeCode);
        return new(r.Id, r.RegionCode, r.ProjectCode, r.EngineeringCode, r.TypeCode, type?.Name ?? r.TypeCode, type?.MaterialName ?? "",
            r.AgencyCode, r.AgencyName, r.OwnerId, r.OwnerName, r.Status.Code(), r.Status.ChineseName(),
            r.Conclusion?.Code(), r.Conclusion?.ChineseName(), r.Passed, r.Opinions, r.Supplements, r.MaterialIds, r.Note, r.LimitWorkingDays,
            r.CommissionedAt, r.StartedAt, r.ConcludedAt, ClockDto.From(clock),
            r.Result is { } x ? new ResultDto(x.FileName, x.ContentType, x.Sha256, x.Size, x.SealId, x.SealCode, x.Signature, x.SignedAt) : null);
    }
}
