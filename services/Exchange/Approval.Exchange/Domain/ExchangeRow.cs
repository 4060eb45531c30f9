namespace Approval.Exchange.Domain;

/// <summary>Where a row stands: waiting to be sent, sent to the front database, refused by our checks, or marked failed there.</summary>
public enum RowState { Pending = 0, Sent = 1, Rejected = 2, Failed = 3 }

/// <summary>
/// One row of a national table as the exchange holds it before and after sending (待上报 / 已上报 / 校验不通过 / 省级退回): its
/// table and local key (DFSJZJ, unique per table), the parent row it references, and its column values as text (dates
/// yyyy-MM-dd, times ISO 8601, numbers invariant). A change of the source stages it again; an unchanged replay does nothing.
/// </summary>
public sealed class ExchangeRow
{
    public Guid Id { get; init; }
    public required string Table { get; init; }
    public required string LocalKey { get; init; }
    public required string RegionCode { get; init; }
    /// <summary>The table's place in the upload order (SpglTable.Order): parents are sent before children.</summary>
    public int Order { get; init; }
    /// <summary>The local key of the parent row (in the table's Parent) this row must reference; null: none.</summary>
    public string? ParentKey { get; private set; }
    public Dictionary<string, string?> Values { get; private set; } = [];
    /// <summary>数据有效标识: false once the source withdrew the record (a revoked licence); sent with its reason.</summary>
    public bool Valid { get; private set; } = true;
    public string? InvalidReason { get; private set; }
    public RowState State { get; private set; }
    /// <summary>Why it was rejected (our checks) or failed (SBYY from the provincial side).</summary>
    public string? Reason { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    /// <summary>The region's date of the last change: the day the report counts the row in.</summary>
    public DateOnly ChangedDate { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int SendCount { get; private set; }
    public uint Version { get; private set; }

    public static ExchangeRow Create(SpglTable table, string localKey, string regionCode) =>
        new() { Id = Guid.CreateVersion7(), Table = table.Name, LocalKey = localKey, RegionCode = regionCode, Order = table.Order };

    /// <summary>Takes the source's current values; true when anything changed (then the row waits to be sent again).</summary>
    public bool Stage(IReadOnlyDictionary<string, string?> values, string? parentKey, bool valid, string? invalidReason, DateTimeOffset now, DateOnly today)
    {
        var same = ParentKey == parentKey && Valid == valid && InvalidReason == invalidReason && Values.Count == values.Count
            && values.All(v => Values.TryGetValue(v.Key, out var old) && old == v.Value);
        if (same && ChangedAt != default) return false;
        (Values, ParentKey, Valid, InvalidReason) = (new Dictionary<string, string?>(values), parentKey, valid, invalidReason);
        Requeue(now, today);
        return true;
    }

    /// <summary>Marks the source record withdrawn (数据无效): the row is sent again with SJYXBS 0 and the reason.</summary>
    public void Invalidate(string reason, DateTimeOffset now, DateOnly today)
    {
        if (!Valid && InvalidReason == reason) return;
        (Valid, InvalidReason) = (false, reason);
        Requeue(now, today);
    }

    /// <summary>To be sent again: the source changed, the parent arrived, or a backfill.</summary>
    public void Requeue(DateTimeOffset now, DateOnly today)
    {
        (State, Reason, ChangedAt, ChangedDate) = (RowState.Pending, null, now.ToUniversalTime(), today);
    }

    /// <summary>A pending row whose parent was sent since it was rejected: checked again in the next round.</summary>
    public void Retry() => (State, Reason) = (RowState.Pending, null);

    public void Reject(string reason) => (State, Reason) = (RowState.Rejected, reason);

    public void MarkSent(DateTimeOffset now)
    {
        (State, Reason, SentAt) = (RowState.Sent, null, now.ToUniversalTime());
        SendCount++;
    }

    /// <summary>The provincial side marked it failed (SJSCZT 2) with its reason (SBYY): it waits for a corrected source.</summary>
    public void MarkFailed(string? reason) => (State, Reason) = (RowState.Failed, string.IsNullOrWhiteSpace(reason) ? "省级校验失败（未说明原因）" : reason);
}

/// <summary>How many events of one type the exchange took in (each once): the reconciliation counts them against the rows.</summary>
public sealed class SourceCount
{
    public required string EventType { get; init; }
    public long Count { get; set; }
    public DateTimeOffset LastAt { get; set; }
}

/// <summary>The last round of the sender: when, how many sent and rejected, and the error when the front database failed.</summary>
public sealed class ExchangeRun
{
    public int Id { get; init; } = 1;
    public DateTimeOffset At { get; set; }
    public int Sent { get; set; }
    public int Rejected { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }
}
