using Approval.Exchange.Domain;
using Approval.ServiceDefaults;

namespace Approval.Exchange.Data;

/// <summary>Stages rows in the exchange's database: created on first sight, replaced when the source changed, untouched by a replay.</summary>
public static class RowStore
{
    public static async Task<ExchangeRow?> FindRowAsync(this ExchangeDbContext db, SpglTable table, string localKey, CancellationToken ct) =>
        db.Rows.Local.FirstOrDefault(r => r.Table == table.Name && r.LocalKey == localKey)
        ?? await db.Rows.FirstOrDefaultAsync(r => r.Table == table.Name && r.LocalKey == localKey, ct);

    /// <summary>Stages the row's current values; true when it is new or changed (then it waits for the next round).</summary>
    public static async Task<bool> StageAsync(this ExchangeDbContext db, RowValues v, string regionCode, DateTimeOffset now, CancellationToken ct)
    {
        var row = await db.Database.FindOrCreateAsync($"exchange_rows:{v.Table.Name}:{v.LocalKey}", () => db.FindRowAsync(v.Table, v.LocalKey, ct),
            () => db.Rows.Add(ExchangeRow.Create(v.Table, v.LocalKey, regionCode)).Entity, ct);
        return row.Stage(v.Values, v.ParentKey, row.Valid, row.InvalidReason, now, SpglFormat.LocalDate(now));
    }

    /// <summary>
    /// Changes some columns of a row staged before (a review's conclusion, a commission's acceptance). When the row is not
    /// there yet (the later event overtook the first) this throws, and the message is retried until it is.
    /// </summary>
    public static async Task<ExchangeRow> UpdateAsync(this ExchangeDbContext db, SpglTable table, string localKey, DateTimeOffset now,
        Action<Dictionary<string, string?>> change, CancellationToken ct)
    {
        var row = await db.FindRowAsync(table, localKey, ct)
            ?? throw new InvalidOperationException($"{table.Name} row {localKey} not staged yet; retried until its first event arrives");
        var values = new Dictionary<string, string?>(row.Values);
        change(values);
        row.Stage(values, row.ParentKey, row.Valid, row.InvalidReason, now, SpglFormat.LocalDate(now));
        return row;
    }

    /// <summary>Counts one event taken in (the reconciliation's source side), in the consumer's transaction.</summary>
    public static Task CountSourceAsync(this ExchangeDbContext db, string eventType, DateTimeOffset now, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO source_counts ("EventType", "Count", "LastAt") VALUES ({eventType}, 1, {now.ToUniversalTime()})
            ON CONFLICT ("EventType") DO UPDATE SET "Count" = source_counts."Count" + 1, "LastAt" = EXCLUDED."LastAt"
            """, ct);
}
