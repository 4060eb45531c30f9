using Approval.Licences.Domain;

namespace Approval.Licences.Api;

public sealed record LicenceDto(
    string Identifier, string TypeCode, string LicenceName, string IssuerCode, string IssuerName, string IssuerCreditCode, string Holder,
    string ProjectCode, string ProjectName, string RegionCode, string ItemCode, Guid ItemInstanceId, Guid ApplicationId, string Decision, DateTimeOffset IssuedAt,
    DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo, string Status, string StatusName, DateTimeOffset? RevokedAt, string? RevocationReason,
    Guid SealId, string VerificationPath, IReadOnlyList<HistoryDto> History, IReadOnlyList<ContentDto> Content)
{
    public static LicenceDto Of(Licence l, DateTimeOffset now) => new(
        l.Identifier, l.TypeCode, l.LicenceName, l.IssuerCode, l.IssuerName, l.IssuerCreditCode, l.Holder, l.ProjectCode, l.ProjectName,
        l.RegionCode, l.ItemCode, l.ItemInstanceId, l.ApplicationId, l.Decision, l.IssuedAt, l.ValidFrom, l.ValidTo, l.StatusAt(now).Code(), l.StatusAt(now).ChineseName(),
        l.RevokedAt, l.RevocationReason, l.SealId, $"/api/licences/verify/{l.Identifier}",
        l.History.OrderBy(h => h.OccurredAt).Select(h => new HistoryDto(h.Event, h.EventName, h.Actor, h.Reason, h.OccurredAt)).ToList(),
        l.Content.Select(f => new ContentDto(f.Name, f.Type, f.Value)).ToList());
}

/// <summary>One 照面信息 field as the certificate states it (Value null: not stated, printed "/").</summary>
public sealed record ContentDto(string Name, string Type, string? Value);

public sealed record HistoryDto(string Event, string EventName, string Actor, string? Reason, DateTimeOffset OccurredAt);

public sealed record RevokeRequest(string? Reason);

/// <summary>
/// A certificate produced by a department system for an item instance routed to it and concluded approved, sealed
/// here with the department's seal. The holder, application, project and region are the item's: any such field in the body
/// is ignored. Decision defaults to the item's conclusion opinion.
/// </summary>
public sealed record IssueRequest(
    Guid? ItemInstanceId, string? TypeCode, string? LicenceName, string? Decision, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo);
