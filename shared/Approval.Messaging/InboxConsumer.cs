using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Approval.Messaging;

/// <summary>
/// A consumer that applies each message once. The (MessageId, consumer) row is inserted in the same
/// transaction as the effect and any outbox events it raises; a redelivered or concurrently delivered
/// duplicate finds the row (or waits on its lock, then finds it) and is acknowledged without effect.
/// </summary>
public abstract class InboxConsumer<TContext, TMessage>(TContext db, TimeProvider clock, ILogger logger) : IConsumer<TMessage>
    where TContext : DbContext
    where TMessage : class
{
    protected TContext Db { get; } = db;
    protected TimeProvider Clock { get; } = clock;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without MessageId cannot be deduplicated.");
        var consumer = GetType().Name;
        var ct = context.CancellationToken;

        Db.ChangeTracker.Clear();
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        var claimed = await Db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {consumer}, {Clock.GetUtcNow()}) ON CONFLICT DO NOTHING",
            ct);
        if (claimed == 0)
        {
            MessagingMetrics.InboxDuplicates.Add(1);
            logger.LogInformation("Skipping duplicate message {MessageId} for {Consumer}", messageId, consumer);
            await tx.RollbackAsync(ct);
            return;
        }
        await HandleAsync(context.Message, ct);
        await Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Apply the message's effect on <see cref="Db"/>; the base class saves and commits.</summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken ct);
}
