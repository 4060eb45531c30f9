namespace Approval.Exchange.Api;

/// <summary>The report (上报情况): the backlog, the last round, and per table and per day how many rows are in each state.</summary>
public sealed record ReportDto(DateOnly From, DateOnly To, BacklogDto Backlog, RunDto? LastRun, List<TableCountsDto> Tables, List<DayCountsDto> Days);

/// <summary>Rows waiting (待上报) and since when the oldest waits; the total staged for the progress of a backfill.</summary>
public sealed record BacklogDto(int Pending, DateTimeOffset? OldestPendingAt, int Total);

public sealed record RunDto(DateTimeOffset At, int Sent, int Rejected, string? Error, DateTimeOffset? LastSuccessAt);

public sealed record TableCountsDto(string Table, string Label, int Sent, int Rejected, int Pending, int Failed);

public sealed record DayCountsDto(DateOnly Date, string Table, string Label, int Sent, int Rejected, int Pending, int Failed);

/// <summary>One row with its state and reason, and its values as sent (or as they would be).</summary>
public sealed record RowDto(string Table, string Label, string LocalKey, string State, string StateName, string? Reason, bool Valid,
    string? InvalidReason, DateTimeOffset ChangedAt, DateTimeOffset? SentAt, int SendCount, Dictionary<string, string?> Values);

public sealed record RowPageDto(int Total, int Page, int PageSize, List<RowDto> Rows);

/// <summary>
/// 对账: events taken in per type; per table the rows staged and ever sent here against the rows the front database holds
/// for the region. Consistent when the front database holds exactly the rows sent.
/// </summary>
public sealed record ReconciliationDto(List<SourceCountDto> Events, List<TableReconciliationDto> Tables, bool Consistent, string? FrontError);

public sealed record SourceCountDto(string EventType, long Count, DateTimeOffset LastAt);

public sealed record TableReconciliationDto(string Table, string Label, int Staged, int Sent, long FrontRows, long FrontValid, bool Consistent);

/// <summary>What 立即上报 or 全量补传 queued: the rows now waiting for the sender.</summary>
public sealed record QueuedDto(int Pending);
