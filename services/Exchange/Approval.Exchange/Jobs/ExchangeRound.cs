using Approval.Exchange.Data;
using Approval.Exchange.Domain;
using Approval.Exchange.Front;
using Approval.ServiceDefaults.Region;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Approval.Exchange.Jobs;

/// <summary>What one round did.</summary>
public sealed record RoundResult(int Sent, int Rejected, int Failed, bool More, string? Error);

/// <summary>
/// One round of the sender (上报): brings back the provincial side's failures, then checks the pending rows in upload
/// order — the rules of <see cref="SpglValidator"/> and the parent sent before — and writes those that pass to the front
/// database in one transaction. A rejected row keeps its reason; it is checked again when its source changes or its
/// parent is sent. When the front database is down nothing changes here: the rows wait and the error is kept for the report.
/// One round at a time across replicas (an advisory lock).
/// </summary>
public sealed class ExchangeRound(ExchangeDbContext db, FrontDatabase front, DeploymentRegion region, TimeProvider clock, IOptions<ExchangeOptions> options,
    ILogger<ExchangeRound> log)
{
    /// <summary>The advisory lock a round holds for its transaction (one round at a time across replicas).</summary>
    public const long RoundLock = 0x45_58_43_48_41_4E_47; // "EXCHANG"

    /// <summary>
    /// 全量补传, inside the caller's transaction: every row of the region waits again. It first waits for a round in flight
    /// (the round's lock, which no round can then take until the commit): a round marks the rows it sent in its own order, and
    /// the region-wide UPDATE, taking them in the table's order, deadlocked with it and PostgreSQL cancelled the backfill
    /// (`ExchangeBackfillTests`; the likely cause of the backfill's 500 reported in issue 22).
    /// </summary>
    public static async Task<int> QueueAllAgainAsync(ExchangeDbContext db, string regionCode, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A backfill runs inside the caller's transaction.");
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({RoundLock})", ct);
        return await db.Rows.Where(r => r.RegionCode == regionCode)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, RowState.Pending).SetProperty(r => r.Reason, (string?)null), ct);
    }

    public async Task<RoundResult> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({RoundLock}) AS \"Value\"").SingleAsync(ct))
            return new(0, 0, 0, false, null);
        var run = await db.Runs.FindAsync([1], ct) ?? db.Runs.Add(new ExchangeRun()).Entity;
        RoundResult result;
        try
        {
            result = await SendAsync(now, ct);
            (run.Sent, run.Rejected, run.Error, run.LastSuccessAt) = (result.Sent, result.Rejected, null, now);
        }
        catch (FrontUnavailableException e) when (!ct.IsCancellationRequested)
        {
            // The front database is unreachable: the rows stay as they were (pending) and the report shows the backlog.
            // A failure of our own database is not this: it propagates, and the job logs it and tries again.
            log.LogWarning(e.InnerException, "The front database is unreachable; the pending rows wait for the next round");
            db.ChangeTracker.Clear();
            run = await db.Runs.FindAsync([1], ct) ?? db.Runs.Add(new ExchangeRun()).Entity;
            (run.Sent, run.Rejected, run.Error) = (0, 0, $"前置库不可用：{e.InnerException!.Message}");
            result = new(0, 0, 0, false, run.Error);
        }
        run.At = now;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            // A consumer staged a newer version of a row meanwhile: its rows stay pending and the next round (at once) re-sends
            // them; what reached the front database is upserted again, never duplicated.
            return result with { More = true };
        }
        await tx.CommitAsync(ct);
        return result;
    }

    private async Task<RoundResult> SendAsync(DateTimeOffset now, CancellationToken ct)
    {
        await Front(() => front.EnsureSchemaAsync(ct));
        var failed = await TakeFailuresAsync(ct);
        var batch = await db.Rows.Where(r => r.State == RowState.Pending).OrderBy(r => r.Order).ThenBy(r => r.ChangedAt)
            .Take(options.Value.Batch).ToListAsync(ct);
        var parents = await ParentsSentAsync(batch, ct);
        var toSend = new List<ExchangeRow>();
        var invalidated = new List<(ExchangeRow, string)>();
        foreach (var row in batch)
        {
            var table = SpglTables.Named(row.Table)!;
            var problems = row.Valid ? SpglValidator.Problems(table, row.Values).ToList() : [];
            if (row.Valid && table.Parent is { } parent && !parents.Contains((parent, row.ParentKey ?? "")))
                problems.Add($"{table.ParentRule}（{row.ParentKey ?? "无"}）");
            if (problems.Count == 0)
            {
                toSend.Add(row);
                parents.Add((row.Table, row.LocalKey)); // its children later in this batch may follow it
                continue;
            }
            var reason = string.Join("；", problems);
            if (row.SentAt is not null) invalidated.Add((row, reason));
            row.Reject(reason);
        }
        await Front(() => front.UpsertAsync(toSend, now, ct));
        await Front(() => front.InvalidateAsync(invalidated, now, ct));
        foreach (var row in toSend) row.MarkSent(now);
        await RetryChildrenAsync(toSend, ct);
        var rejected = batch.Count - toSend.Count;
        if (toSend.Count + rejected > 0) log.LogInformation("Exchange round: {Sent} rows sent, {Rejected} rejected, {Failed} failed at the province", toSend.Count, rejected, failed);
        return new(toSend.Count, rejected, failed, batch.Count == options.Value.Batch, null);
    }

    /// <summary>The parents (table, key) of the batch's rows that are sent and valid.</summary>
    private async Task<HashSet<(string, string)>> ParentsSentAsync(List<ExchangeRow> batch, CancellationToken ct)
    {
        var wanted = batch.Select(r => (Table: SpglTables.Named(r.Table)!.Parent, Key: r.ParentKey)).Where(p => p.Table is not null && p.Key is not null).Distinct().ToList();
        var keys = wanted.Select(w => w.Key!).Distinct().ToList();
        var tables = wanted.Select(w => w.Table!).Distinct().ToList();
        var sent = await db.Rows.Where(r => tables.Contains(r.Table) && keys.Contains(r.LocalKey) && r.State == RowState.Sent && r.Valid)
            .Select(r => new { r.Table, r.LocalKey }).ToListAsync(ct);
        return [.. sent.Select(s => (s.Table, s.LocalKey))];
    }

    /// <summary>Children rejected for want of a parent sent now are checked again in the next round.</summary>
    private async Task RetryChildrenAsync(List<ExchangeRow> sent, CancellationToken ct)
    {
        foreach (var group in sent.GroupBy(r => r.Table))
        {
            var children = SpglTables.All.Where(t => t.Parent == group.Key).Select(t => t.Name).ToList();
            if (children.Count == 0) continue;
            var keys = group.Select(r => r.LocalKey).ToList();
            var waiting = await db.Rows.Where(r => r.State == RowState.Rejected && children.Contains(r.Table) && keys.Contains(r.ParentKey!)).ToListAsync(ct);
            foreach (var child in waiting) child.Retry();
        }
    }

    /// <summary>Rows the provincial side marked failed (SJSCZT 2) become failed here with its reason, until their source is corrected.</summary>
    private async Task<int> TakeFailuresAsync(CancellationToken ct)
    {
        var count = 0;
        var failures = new List<FrontFailure>();
        await Front(async () => failures = await front.FailuresAsync(region.Code, ct));
        foreach (var group in failures.GroupBy(f => f.Table))
        {
            var keys = group.Select(f => f.LocalKey).ToList();
            var rows = await db.Rows.Where(r => r.Table == group.Key && keys.Contains(r.LocalKey) && r.State == RowState.Sent).ToListAsync(ct);
            foreach (var row in rows)
            {
                row.MarkFailed(group.First(f => f.LocalKey == row.LocalKey).Reason);
                count++;
            }
        }
        return count;
    }

    /// <summary>A call to the front database; its connection failures are told apart from our own database's.</summary>
    private static async Task Front(Func<Task> call)
    {
        try { await call(); }
        catch (Exception e) when (e is NpgsqlException or TimeoutException) { throw new FrontUnavailableException(e); }
    }
}

/// <summary>The front database could not be reached or refused the round's writes (the inner exception says why).</summary>
public sealed class FrontUnavailableException(Exception inner) : Exception("The front database is unavailable.", inner);
