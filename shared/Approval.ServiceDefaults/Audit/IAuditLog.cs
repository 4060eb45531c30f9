using System.Security.Claims;

namespace Approval.ServiceDefaults.Audit;

/// <summary>Writes audit records into the service's own database context.</summary>
public interface IAuditLog
{
    /// <summary>Adds a record to the current unit of work: it commits with the change it describes.</summary>
    void Add(string action, string? objectType, string? objectId, string? outcome, string? region = null, ClaimsPrincipal? actor = null);

    /// <summary>Records a refusal and saves it at once (a refusal changes nothing else).</summary>
    Task DenyAsync(string? objectType, string? objectId, string outcome, CancellationToken ct, string? region = null);

    /// <summary>Adds a record and saves it at once, for events that change no other state (sign-in, token issue).</summary>
    Task RecordAsync(string action, string? objectType, string? objectId, string? outcome, string? region, ClaimsPrincipal? actor, CancellationToken ct);
}
