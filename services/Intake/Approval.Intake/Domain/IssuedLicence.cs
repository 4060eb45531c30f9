namespace Approval.Intake.Domain;

/// <summary>A certificate issued for one of the application's items, as Licences announced it.</summary>
public sealed class IssuedLicence
{
    public Guid LicenceId { get; init; }
    public Guid ApplicationId { get; init; }
    public required string Identifier { get; init; }
    public required string LicenceName { get; init; }
    public required string ItemCode { get; init; }
    public required string IssuerName { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    /// <summary>Set when Licences announces the licence's revocation (撤销).</summary>
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevocationReason { get; set; }
    /// <summary>Set when Licences announces that the licence's validity ended (已过期).</summary>
    public DateTimeOffset? ExpiredAt { get; set; }
    /// <summary>The licence type and its 照面信息 as sealed (empty for licences announced before content existed): reused as prefill.</summary>
    public string? TypeCode { get; init; }
    public List<Approval.Contracts.Licences.LicenceField> Content { get; init; } = [];
}
