using Approval.Exchange.Data;
using Approval.Exchange.Domain;
using Approval.Messaging;

namespace Approval.Exchange.Consumers;

/// <summary>
/// Every consumer of the exchange: counts the event (once: the inbox drops a replay) for the reconciliation, then stages
/// the rows it maps to. A row staged unchanged stays as it was, so a replay never adds or re-sends a row.
/// </summary>
public abstract class ExchangeConsumer<TEvent>(ExchangeDbContext db, TimeProvider clock, ILogger logger)
    : InboxConsumer<ExchangeDbContext, TEvent>(db, clock, logger) where TEvent : class
{
    protected DateTimeOffset Now { get; private set; }

    protected sealed override async Task HandleAsync(TEvent m, CancellationToken ct)
    {
        Now = Clock.GetUtcNow();
        await Db.CountSourceAsync(typeof(TEvent).Name, Now, ct);
        await MapAsync(m, ct);
    }

    protected abstract Task MapAsync(TEvent m, CancellationToken ct);

    protected Task StageAsync(RowValues row, string regionCode, CancellationToken ct) => Db.StageAsync(row, regionCode, Now, ct);

    protected Task<ExchangeRow> UpdateAsync(SpglTable table, string key, Action<Dictionary<string, string?>> change, CancellationToken ct) =>
        Db.UpdateAsync(table, key, Now, change, ct);
}
