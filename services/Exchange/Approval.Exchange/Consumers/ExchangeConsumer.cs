using Approval.Exchange.Data;
using Approval.Exchange.Domain;
using Approval.Messaging;

namespace Approval.Exchange.Consumers;

/// <summary>
/// Every consumer of the exchange: stages the rows the event maps to, then counts it (once: the inbox drops a replay)
/// for the reconciliation. A row staged unchanged stays as it was, so a replay never adds or re-sends a row.
/// The count comes last: its row (one per event type) stays locked until the commit, so every consumer of that type
/// waits on it; counted first, they waited through each other's whole mapping, and a mapping that failed (an item's
/// status before its application's 受理) held the others back until its rollback.
/// </summary>
public abstract class ExchangeConsumer<TEvent>(ExchangeDbContext db, TimeProvider clock, ILogger logger)
    : InboxConsumer<ExchangeDbContext, TEvent>(db, clock, logger) where TEvent : class
{
    protected DateTimeOffset Now { get; private set; }

    protected sealed override async Task HandleAsync(TEvent m, CancellationToken ct)
    {
        Now = Clock.GetUtcNow();
        await MapAsync(m, ct);
        await Db.CountSourceAsync(typeof(TEvent).Name, Now, ct);
    }

    protected abstract Task MapAsync(TEvent m, CancellationToken ct);

    protected Task StageAsync(RowValues row, string regionCode, CancellationToken ct) => Db.StageAsync(row, regionCode, Now, ct);

    protected Task<ExchangeRow> UpdateAsync(SpglTable table, string key, Action<Dictionary<string, string?>> change, CancellationToken ct) =>
        Db.UpdateAsync(table, key, Now, change, ct);
}
