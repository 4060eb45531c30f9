using Microsoft.AspNetCore.Components.Authorization;

namespace Approval.Portal.Clients;

/// <summary>Exchange: 数据共享交换 — the report, the rows with their reasons, the reconciliation, 立即上报 and 全量补传 (docs/exchange.md).</summary>
public sealed class ExchangeClient(HttpClient http, AuthenticationStateProvider authentication) : ServiceClient(http, authentication)
{
    public Task<ExchangeReport> ReportAsync(CancellationToken ct = default) => GetAsync<ExchangeReport>("/api/exchange/report", ct);

    public Task<ExchangeRowPage> RowsAsync(string? table, string? state, int page, CancellationToken ct = default) =>
        GetAsync<ExchangeRowPage>($"/api/exchange/rows?page={page}" + (table is null ? "" : $"&table={Uri.EscapeDataString(table)}")
            + (state is null ? "" : $"&state={Uri.EscapeDataString(state)}"), ct);

    public Task<ExchangeReconciliation> ReconciliationAsync(CancellationToken ct = default) =>
        GetAsync<ExchangeReconciliation>("/api/exchange/reconciliation", ct);

    public Task<ExchangeQueued> SendNowAsync(CancellationToken ct = default) => SendAsync<ExchangeQueued>(HttpMethod.Post, "/api/exchange/send", new { }, ct);

    public Task<ExchangeQueued> BackfillAsync(CancellationToken ct = default) => SendAsync<ExchangeQueued>(HttpMethod.Post, "/api/exchange/backfill", new { }, ct);
}

public sealed record ExchangeBacklog(int Pending, DateTimeOffset? OldestPendingAt, int Total);
public sealed record ExchangeRun(DateTimeOffset At, int Sent, int Rejected, string? Error, DateTimeOffset? LastSuccessAt);
public sealed record ExchangeTableCounts(string Table, string Label, int Sent, int Rejected, int Pending, int Failed);
public sealed record ExchangeDayCounts(DateOnly Date, string Table, string Label, int Sent, int Rejected, int Pending, int Failed);
public sealed record ExchangeReport(DateOnly From, DateOnly To, ExchangeBacklog Backlog, ExchangeRun? LastRun, List<ExchangeTableCounts> Tables,
    List<ExchangeDayCounts> Days);
public sealed record ExchangeRowInfo(string Table, string Label, string LocalKey, string State, string StateName, string? Reason, bool Valid,
    string? InvalidReason, DateTimeOffset ChangedAt, DateTimeOffset? SentAt, int SendCount, Dictionary<string, string?> Values);
public sealed record ExchangeRowPage(int Total, int Page, int PageSize, List<ExchangeRowInfo> Rows);
public sealed record ExchangeSourceCount(string EventType, long Count, DateTimeOffset LastAt);
public sealed record ExchangeTableReconciliation(string Table, string Label, int Staged, int Sent, long FrontRows, long FrontValid, bool Consistent);
public sealed record ExchangeReconciliation(List<ExchangeSourceCount> Events, List<ExchangeTableReconciliation> Tables, bool Consistent, string? FrontError);
public sealed record ExchangeQueued(int Pending);
