using System.Globalization;
using System.Text;
using Approval.ServiceDefaults.Cryptography;

namespace Approval.ServiceDefaults.Audit;

/// <summary>
/// The hash chain of a service's audit log: record n carries its sequence number n, the hash of record n-1
/// (<see cref="AuditRecord.PreviousHash"/>, none for n = 1) and its own hash, the SM3 digest of its content
/// together with both. Altering, removing or reordering a record breaks the chain at that record.
/// </summary>
public static class AuditChain
{
    /// <summary>The hash of a record: SM3 over its fields, each length-prefixed (so no two field lists share an encoding).</summary>
    public static string Hash(AuditRecord r)
    {
        var text = new StringBuilder();
        foreach (var field in new[]
        {
            r.Sequence?.ToString(CultureInfo.InvariantCulture), r.PreviousHash, r.Id.ToString("D"),
            // PostgreSQL keeps microseconds: the hash covers what the database can give back.
            (r.OccurredAt.UtcTicks / 10).ToString(CultureInfo.InvariantCulture),
            r.Service, r.Action, r.ObjectType, r.ObjectId, r.Outcome, r.ActorId, r.ActorName, r.Organisation, r.Region,
            r.RemoteAddress, r.TraceId,
        })
            text.Append(field is null ? "-1:" : $"{field.Length}:{field}").Append('|');
        return Sm3.Hex(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
