using Approval.Contracts.Events;
using Approval.Licences.Data;
using Approval.Licences.Domain;
using Approval.Messaging;

namespace Approval.Licences.Sealing;

/// <summary>Adds a sealed licence with its history, its audit record and the LicenceIssued event to the unit of work (not saved).</summary>
public sealed class LicenceIssuer(LicencesDbContext db, LicenceSealer sealer, IAuditLog audit, TimeProvider clock)
{
    public async Task<Licence> IssueAsync(LicenceDraft d, Seal seal, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Serial: the year, then a 7-digit number from the sequence (the published example's shape, 20230000403).
        var serial = $"{now.Year}{await db.NextSerialAsync(ct) % 10_000_000:D7}";
        var (validFrom, validTo) = Validity(d, now);
        var licence = new Licence
        {
            Id = Guid.CreateVersion7(now),
            Identifier = LicenceIdentifier.Create(d.TypeCode, d.IssuerCreditCode, serial, 1),
            TypeCode = d.TypeCode, LicenceName = d.LicenceName,
            IssuerCode = d.IssuerCode, IssuerName = d.IssuerName, IssuerCreditCode = d.IssuerCreditCode,
            Holder = d.Holder, HolderId = d.HolderId, HolderNumber = d.HolderNumber, ProjectCode = d.ProjectCode, ProjectName = d.ProjectName, RegionCode = d.RegionCode,
            ItemInstanceId = d.ItemInstanceId, ApplicationId = d.ApplicationId, ItemCode = d.ItemCode,
            Decision = d.Decision, IssuedAt = now, ValidFrom = validFrom, ValidTo = validTo,
            Content = d.Content?.ToList() ?? [],
        };
        sealer.Seal(licence, seal, now);
        licence.History.Add(new LicenceHistoryEntry { LicenceId = licence.Id, Event = "issued", EventName = "签发", Actor = actor, OccurredAt = now });
        db.Licences.Add(licence);
        audit.Add(AuditActions.StateChange, "licence", licence.Identifier, $"issued by {d.IssuerName} for item instance {d.ItemInstanceId}", d.RegionCode);
        db.AddOutboxEvent(new LicenceIssued(licence.Id, licence.Identifier, licence.LicenceName, d.ItemInstanceId,
            d.ApplicationId, d.ItemCode, d.IssuerName, now, licence.ValidTo, d.RegionCode, licence.TypeCode, licence.Content), licence.Id.ToString(), clock);
        return licence;
    }

    /// <summary>有效期: the department system's dates when it gives them, else the type's months counted from issue (none: 长期).</summary>
    public static (DateTimeOffset? From, DateTimeOffset? To) Validity(LicenceDraft d, DateTimeOffset issuedAt) =>
        (d.ValidFrom ?? (d.ValidityMonths is null ? null : issuedAt), d.ValidTo ?? (d.ValidityMonths is { } months ? issuedAt.AddMonths(months) : null));
}

/// <summary>What a licence states before it is numbered and sealed.</summary>
public sealed record LicenceDraft(
    string TypeCode, string LicenceName, string IssuerCode, string IssuerName, string IssuerCreditCode, string Holder,
    string ProjectCode, string ProjectName, string RegionCode, Guid ItemInstanceId, Guid ApplicationId, string ItemCode,
    string Decision, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo, string HolderId, string? HolderNumber,
    IReadOnlyList<Approval.Contracts.Licences.LicenceField>? Content = null, int? ValidityMonths = null);
