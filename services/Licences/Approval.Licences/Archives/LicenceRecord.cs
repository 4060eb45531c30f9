using Approval.Licences.Domain;

namespace Approval.Licences.Archives;

/// <summary>A licence as archived: its fields, status, history and seal proof (digests and signatures).</summary>
public sealed record LicenceRecord(
    string Identifier, string TypeCode, string LicenceName, string IssuerCode, string IssuerName, string IssuerCreditCode,
    string Holder, string ProjectCode, string ProjectName, string ItemCode, string Decision, DateTimeOffset IssuedAt,
    DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo, string Status, Guid SealId, DateTimeOffset SealedAt,
    string ContentDigest, string ContentSignature, string PdfDigest, string PdfSignature,
    IReadOnlyList<HistoryRecord> History)
{
    public static LicenceRecord Of(Licence l, DateTimeOffset now) => new(
        l.Identifier, l.TypeCode, l.LicenceName, l.IssuerCode, l.IssuerName, l.IssuerCreditCode, l.Holder, l.ProjectCode,
        l.ProjectName, l.ItemCode, l.Decision, l.IssuedAt, l.ValidFrom, l.ValidTo, l.StatusAt(now).Code(), l.SealId, l.SealedAt,
        l.ContentDigest, Convert.ToBase64String(l.ContentSignature), l.PdfDigest, Convert.ToBase64String(l.PdfSignature),
        l.History.OrderBy(h => h.OccurredAt).Select(h => new HistoryRecord(h.Event, h.EventName, h.Actor, h.Reason, h.OccurredAt)).ToList());
}

public sealed record HistoryRecord(string Event, string EventName, string Actor, string? Reason, DateTimeOffset OccurredAt);
