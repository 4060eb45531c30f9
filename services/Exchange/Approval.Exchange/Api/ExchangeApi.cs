using Approval.Exchange.Data;
using Approval.Exchange.Domain;
using Approval.Exchange.Front;
using Approval.Exchange.Jobs;
using Approval.ServiceDefaults.Region;
using Npgsql;

namespace Approval.Exchange.Api;

/// <summary>
/// /api/exchange: the region administrator's view of the data exchange (数据共享交换) — the report per table and day, the
/// rows with their reasons, the reconciliation against the front database, and two actions: send now (立即上报) and
/// re-send everything (全量补传, into an emptied front database). Supervisors may read. Everything is the caller's region.
/// </summary>
public static class ExchangeApi
{
    public const string Readers = "exchange-readers";
    private const int MaxPeriodDays = 366;

    public static WebApplication MapExchangeApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/exchange").WithTags("Exchange");
        var read = api.MapGroup("").RequireAuthorization(Readers);
        read.MapGet("/report", Report).WithSummary("Rows sent, rejected, pending and failed per table and day; the backlog / 上报情况统计");
        read.MapGet("/rows", Rows).WithSummary("The rows of a table, state or key (with the rows under and referencing it), with their reasons / 上报数据明细（含校验不通过原因）");
        read.MapGet("/engineering/{engineeringCode}", Engineering)
            .WithSummary("Every row of an engineering code: its project row and the rows referencing it, with their states / 按工程代码查看上报数据");
        read.MapGet("/reconciliation", Reconciliation).WithSummary("Events taken in against the front database's rows / 对账");
        api.MapPost("/send", Send).RequireAuthorization(Roles.RegionAdmin).WithSummary("Send the pending rows now / 立即上报");
        api.MapPost("/backfill", Backfill).RequireAuthorization(Roles.RegionAdmin)
            .WithSummary("Queue every row again, e.g. into an emptied front database / 全量补传");
        app.MapAuditApi<ExchangeDbContext>("/api/exchange/audit");
        return app;
    }

    private static async Task<Ok<ReportDto>> Report(DateOnly? from, DateOnly? to, ClaimsPrincipal user, ExchangeDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var region = user.RegionCode() ?? "";
        var until = to ?? SpglFormat.LocalDate(clock.GetUtcNow());
        var since = from ?? until.AddDays(-29);
        if (since > until) throw ValidationException.For("from", "must not be after to", "开始日期不能晚于结束日期");
        if (until.DayNumber - since.DayNumber >= MaxPeriodDays)
            throw ValidationException.For("to", $"the period may cover at most {MaxPeriodDays} days", $"统计期间最长{MaxPeriodDays}天");
        var rows = db.Rows.AsNoTracking().Where(r => r.RegionCode == region);
        var byTable = await rows.GroupBy(r => new { r.Table, r.State }).Select(g => new { g.Key.Table, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        var byDay = await rows.Where(r => r.ChangedDate >= since && r.ChangedDate <= until)
            .GroupBy(r => new { r.ChangedDate, r.Table, r.State }).Select(g => new { g.Key.ChangedDate, g.Key.Table, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        var oldest = await rows.Where(r => r.State == RowState.Pending).MinAsync(r => (DateTimeOffset?)r.ChangedAt, ct);
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(ct);
        int Count<T>(IEnumerable<T> g, Func<T, RowState> state, Func<T, int> count, RowState s) => g.Where(x => state(x) == s).Sum(count);
        var tables = SpglTables.All.Select(t => byTable.Where(x => x.Table == t.Name).ToList()).Zip(SpglTables.All, (g, t) => new TableCountsDto(t.Name, t.Label,
            Count(g, x => x.State, x => x.Count, RowState.Sent), Count(g, x => x.State, x => x.Count, RowState.Rejected),
            Count(g, x => x.State, x => x.Count, RowState.Pending), Count(g, x => x.State, x => x.Count, RowState.Failed))).ToList();
        var days = byDay.GroupBy(x => (x.ChangedDate, x.Table)).OrderByDescending(g => g.Key.ChangedDate).ThenBy(g => SpglTables.Named(g.Key.Table)?.Order)
            .Select(g => new DayCountsDto(g.Key.ChangedDate, g.Key.Table, SpglTables.Named(g.Key.Table)?.Label ?? g.Key.Table,
                Count(g, x => x.State, x => x.Count, RowState.Sent), Count(g, x => x.State, x => x.Count, RowState.Rejected),
                Count(g, x => x.State, x => x.Count, RowState.Pending), Count(g, x => x.State, x => x.Count, RowState.Failed))).ToList();
        var backlog = new BacklogDto(tables.Sum(t => t.Pending), oldest, byTable.Sum(x => x.Count));
        return TypedResults.Ok(new ReportDto(since, until, backlog, run is null ? null : new RunDto(run.At, run.Sent, run.Rejected, run.Error, run.LastSuccessAt),
            tables, days));
    }

    private static async Task<Ok<RowPageDto>> Rows(string? table, string? state, string? key, int? page, ClaimsPrincipal user, ExchangeDbContext db, CancellationToken ct)
    {
        var query = db.Rows.AsNoTracking().Where(r => r.RegionCode == (user.RegionCode() ?? ""));
        if (table is not null)
        {
            if (SpglTables.Named(table) is null) throw ValidationException.For("table", "is not a national table of the exchange", "不是数据交换的国家标准表");
            query = query.Where(r => r.Table == table);
        }
        if (state is not null)
        {
            if (!Enum.TryParse<RowState>(state, true, out var s) || !Enum.IsDefined(s))
                throw ValidationException.For("state", "must be pending, sent, rejected or failed", "状态须为 pending、sent、rejected 或 failed");
            query = query.Where(r => r.State == s);
        }
        // A key finds its row, the rows keyed under it (an instance's details) and the rows referencing it (a project's instances).
        if (!string.IsNullOrWhiteSpace(key))
        {
            var k = key.Trim();
            query = query.Where(r => r.LocalKey.StartsWith(k) || r.ParentKey == k);
        }
        var p = Math.Max(1, page ?? 1);
        const int size = 50;
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(r => r.Order).ThenByDescending(r => r.ChangedAt).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new RowPageDto(total, p, size, rows.Select(ToDto).ToList()));
    }

    /// <summary>The rows of an engineering code in the caller's region (the project row and those referencing it); 404 when it has none there.</summary>
    private static async Task<Ok<List<RowDto>>> Engineering(string engineeringCode, ClaimsPrincipal user, ExchangeDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var region = user.RegionCode() ?? "";
        var rows = await db.Rows.AsNoTracking().Where(r => r.LocalKey == engineeringCode || r.ParentKey == engineeringCode)
            .OrderBy(r => r.Order).ThenBy(r => r.ChangedAt).Take(500).ToListAsync(ct);
        if (rows.Count == 0 || rows.Any(r => r.RegionCode != region))
        {
            if (rows.Count > 0) await audit.DenyAsync("engineering", engineeringCode, "another region's engineering code", ct, region);
            throw new NotFoundException("Engineering code 工程代码", engineeringCode);
        }
        return TypedResults.Ok(rows.Select(ToDto).ToList());
    }

    private static async Task<Ok<ReconciliationDto>> Reconciliation(ClaimsPrincipal user, ExchangeDbContext db, FrontDatabase front, CancellationToken ct)
    {
        var region = user.RegionCode() ?? "";
        var events = await db.SourceCounts.AsNoTracking().OrderBy(c => c.EventType).Select(c => new SourceCountDto(c.EventType, c.Count, c.LastAt)).ToListAsync(ct);
        var staged = await db.Rows.AsNoTracking().Where(r => r.RegionCode == region)
            .GroupBy(r => r.Table).Select(g => new { Table = g.Key, Staged = g.Count(), Sent = g.Count(r => r.SentAt != null) }).ToListAsync(ct);
        List<FrontCount> counts;
        string? error = null;
        try { counts = await front.CountsAsync(region, ct); }
        catch (NpgsqlException e) { (counts, error) = ([], $"前置库不可用：{e.Message}"); }
        var tables = SpglTables.All.Select(t =>
        {
            var s = staged.FirstOrDefault(x => x.Table == t.Name);
            var f = counts.FirstOrDefault(c => c.Table == t.Name);
            var sent = s?.Sent ?? 0;
            return new TableReconciliationDto(t.Name, t.Label, s?.Staged ?? 0, sent, f?.Rows ?? 0, f?.Valid ?? 0, error is null && f?.Rows == sent);
        }).ToList();
        return TypedResults.Ok(new ReconciliationDto(events, tables, error is null && tables.All(t => t.Consistent), error));
    }

    private static async Task<Accepted<QueuedDto>> Send(ClaimsPrincipal user, ExchangeDbContext db, ExchangeSignal signal, IAuditLog audit, CancellationToken ct)
    {
        var region = user.RegionCode() ?? "";
        audit.Add(AuditActions.StateChange, "exchange", region, "立即上报", region);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return TypedResults.Accepted("/api/exchange/report", new QueuedDto(await db.Rows.CountAsync(r => r.RegionCode == region && r.State == RowState.Pending, ct)));
    }

    /// <summary>Every row of the region waits again and is checked and sent anew: rows already in the front database are upserted, never duplicated.</summary>
    private static async Task<Accepted<QueuedDto>> Backfill(ClaimsPrincipal user, ExchangeDbContext db, ExchangeSignal signal, IAuditLog audit, CancellationToken ct)
    {
        var region = user.RegionCode() ?? "";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var queued = await ExchangeRound.QueueAllAgainAsync(db, region, ct);
        audit.Add(AuditActions.StateChange, "exchange", region, $"全量补传：{queued}行", region);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        signal.Notify();
        return TypedResults.Accepted("/api/exchange/report", new QueuedDto(queued));
    }

    private static RowDto ToDto(ExchangeRow r) => new(r.Table, SpglTables.Named(r.Table)?.Label ?? r.Table, r.LocalKey, r.State.ToString().ToLowerInvariant(),
        StateNames[r.State], r.Reason, r.Valid, r.InvalidReason, r.ChangedAt, r.SentAt, r.SendCount, r.Values);

    public static readonly IReadOnlyDictionary<RowState, string> StateNames = new Dictionary<RowState, string>
    {
        [RowState.Pending] = "待上报", [RowState.Sent] = "已上报", [RowState.Rejected] = "校验不通过", [RowState.Failed] = "省级退回",
    };
}
