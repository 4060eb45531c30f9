namespace Approval.Licences.Domain;

/// <summary>An e-licence (电子证照) issued for an approved item instance.</summary>
public sealed class Licence
{
    public Guid Id { get; init; }
    public required string Identifier { get; init; }
    public required string TypeCode { get; init; }
    public required string LicenceName { get; init; }
    public required string IssuerCode { get; init; }
    public required string IssuerName { get; init; }
    public required string IssuerCreditCode { get; init; }
    /// <summary>The holder's display name as printed on the certificate; never an access key.</summary>
    public required string Holder { get; init; }
    /// <summary>The holder's applicant account (token subject): the licence belongs to it ("" for licences issued before issue 13).</summary>
    public string HolderId { get; init; } = "";
    /// <summary>The holder's 统一社会信用代码 / 居民身份证号码 (token claim real_name_number), when known.</summary>
    public string? HolderNumber { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }
    public required string RegionCode { get; init; }
    public Guid ItemInstanceId { get; init; }
    public Guid ApplicationId { get; init; }
    public required string ItemCode { get; init; }
    public required string Decision { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public DateTimeOffset? ValidFrom { get; init; }
    /// <summary>Null: valid without a time limit.</summary>
    public DateTimeOffset? ValidTo { get; init; }
    /// <summary>
    /// 照面信息: the licence type's content fields with the values the department concluded, in the certificate's order;
    /// empty for licences issued before content fields existed. The seal covers them.
    /// </summary>
    public List<Approval.Contracts.Licences.LicenceField> Content { get; init; } = [];

    /// <summary>When the expiry was recorded and announced (LicenceExpired); null until then.</summary>
    public DateTimeOffset? ExpiryAnnouncedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevocationReason { get; private set; }

    // The seal: SM2 signature of the SM3 digest of the canonical content, and of the rendered PDF.
    public Guid SealId { get; set; }
    public DateTimeOffset SealedAt { get; set; }
    public string ContentDigest { get; set; } = "";
    public byte[] ContentSignature { get; set; } = [];
    public string PdfDigest { get; set; } = "";
    public byte[] PdfSignature { get; set; } = [];
    public byte[] Pdf { get; set; } = [];

    public List<LicenceHistoryEntry> History { get; init; } = [];

    public LicenceStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? LicenceStatus.Revoked
        : ValidTo is { } to && now >= to ? LicenceStatus.Expired
        : LicenceStatus.Valid;

    /// <summary>Records the expiry in the history once; false when there is nothing to record.</summary>
    public bool RecordExpiry(DateTimeOffset now)
    {
        if (ExpiryAnnouncedAt is not null || StatusAt(now) != LicenceStatus.Expired) return false;
        ExpiryAnnouncedAt = now;
        History.Add(new LicenceHistoryEntry { LicenceId = Id, Event = "expired", EventName = "过期", Actor = "系统", OccurredAt = now });
        return true;
    }

    /// <summary>撤销: only a valid licence can be revoked; a reason is required.</summary>
    public void Revoke(string reason, string actor, DateTimeOffset now)
    {
        var status = StatusAt(now);
        if (status != LicenceStatus.Valid) throw new LicenceNotValidException(Identifier, status);
        RevokedAt = now;
        RevocationReason = reason;
        History.Add(new LicenceHistoryEntry { LicenceId = Id, Event = "revoked", EventName = "撤销", Actor = actor, Reason = reason, OccurredAt = now });
    }
}
