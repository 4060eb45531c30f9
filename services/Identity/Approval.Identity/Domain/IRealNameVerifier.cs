namespace Approval.Identity.Domain;

/// <summary>
/// Real-name verification (实名核验) of a registration, pluggable: a deployment binds the provincial
/// identity-verification service here. Returns null when verified, else the reason (English / Chinese).
/// </summary>
public interface IRealNameVerifier
{
    Task<string?> VerifyAsync(AccountKind kind, string name, string number, CancellationToken ct);
}
