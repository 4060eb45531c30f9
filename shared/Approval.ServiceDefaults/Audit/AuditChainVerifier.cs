using Microsoft.EntityFrameworkCore;

namespace Approval.ServiceDefaults.Audit;

/// <summary>The answer of GET …/audit/verify: the chain holds (ok, how many records it links), or the first record that breaks it.</summary>
/// <param name="Count">Records in the chain (those with a sequence number).</param>
/// <param name="Unchained">Records written before the chain began (the migration that added it): kept, not covered.</param>
public sealed record AuditChainReport(bool Ok, long Count, long Unchained, AuditChainBreak? Broken);

/// <summary>The first record that does not fit: its id and sequence number, and what broke, in English and Chinese.</summary>
public sealed record AuditChainBreak(Guid Id, long? Sequence, string Problem);

public static class AuditChainVerifier
{
    /// <summary>Walks the service's chain in sequence order, re-computing every hash; stops at the first break.</summary>
    public static async Task<AuditChainReport> VerifyAsync(DbContext db, CancellationToken ct)
    {
        var records = db.Set<AuditRecord>().AsNoTracking();
        var unchained = await records.LongCountAsync(r => r.Sequence == null, ct);
        long count = 0;
        string? previous = null;
        await foreach (var record in records.Where(r => r.Sequence != null).OrderBy(r => r.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            var problem = Check(record, count + 1, previous);
            if (problem is not null) return new(false, count, unchained, new(record.Id, record.Sequence, problem));
            count++;
            previous = record.Hash;
        }
        return new(true, count, unchained, null);
    }

    private static string? Check(AuditRecord record, long expected, string? previous)
    {
        if (record.Sequence != expected)
            return $"sequence {record.Sequence} where {expected} was expected: a record is missing / 序号不连续（应为 {expected}），有记录缺失";
        if (record.PreviousHash != previous)
            return "the previous record's hash does not match: a record before it was replaced or removed / 前一记录的哈希不符，之前的记录被替换或删除";
        if (record.Hash != AuditChain.Hash(record))
            return "the record's content no longer matches its hash: it was altered / 记录内容与其哈希不符，已被篡改";
        return null;
    }
}
