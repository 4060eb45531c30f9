using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Approval.Messaging;

/// <summary>
/// A consumer that applies each message once. The (MessageId, consumer) row is inserted in the same
/// transaction as the effect and any outbox events it raises; a redelivered or concurrently delivered
/// duplicate finds the row (or waits on its lock, then finds it) and is acknowledged without effect.
/// That transaction is shared with the messages the service consumes meanwhile (<see cref="InboxGroupCommit{TContext}"/>);
/// when the shared one fails, the message is applied again alone in its own.
/// </summary>
public abstract class InboxConsumer<TContext, TMessage>(TContext db, TimeProvider clock, ILogger logger) : IConsumer<TMessage>
    where TContext : DbContext
    where TMessage : class
{
    private const int MaxGroupTries = 3;

    protected TContext Db { get; } = db;
    protected TimeProvider Clock { get; } = clock;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without MessageId cannot be deduplicated.");
        var ct = context.CancellationToken;
        // the configured one (a group attaches the context to its connection, whose string no longer shows the password)
        var connectionString = Db.Database.GetConnectionString();
        var services = context.TryGetPayload(out IServiceProvider? provider) ? provider : null;
        if (services?.GetService<InboxGroupCommit<TContext>>() is { } group)
        {
            var outcome = GroupOutcome.Rejoin;
            // a group failed by another member's message is joined again (a few times: each failed group sends one away)
            for (var tries = 0; outcome == GroupOutcome.Rejoin && tries < MaxGroupTries; tries++)
                outcome = await group.RunAsync(Db, c => ApplyAsync(context.Message, messageId, c), ct);
            if (outcome == GroupOutcome.Committed)
            {
                services.GetService<OutboxSignal>()?.Committed(Db);
                return;
            }
            // applied alone: this context is attached to the failed group's closed connection
            Db.Database.SetDbConnection(new NpgsqlConnection(connectionString), contextOwnsConnection: true);
        }
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        if (await ApplyAsync(context.Message, messageId, ct)) await tx.CommitAsync(ct);
        else await tx.RollbackAsync(ct);
    }

    /// <summary>Claims the message's inbox row and applies the effect in the open transaction; false for a duplicate.</summary>
    private async Task<bool> ApplyAsync(TMessage message, Guid messageId, CancellationToken ct)
    {
        var consumer = GetType().Name;
        Db.ChangeTracker.Clear();
        var claimed = await Db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {consumer}, {Clock.GetUtcNow()}) ON CONFLICT DO NOTHING",
            ct);
        if (claimed == 0)
        {
            MessagingMetrics.InboxDuplicates.Add(1);
            logger.LogInformation("Skipping duplicate message {MessageId} for {Consumer}", messageId, consumer);
            return false;
        }
        await HandleAsync(message, ct);
        await Db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Apply the message's effect on <see cref="Db"/>; the base class saves and commits.</summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken ct);
}
