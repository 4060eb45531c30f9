using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Approval.Messaging;

/// <summary>
/// A consumer that applies each message once. The (MessageId, consumer) row is inserted in the same
/// transaction as the effect and any outbox events it raises; a redelivered or concurrently delivered
/// duplicate finds the row (or waits on its lock, then finds it) and is acknowledged without effect.
/// That transaction is shared with the messages the service consumes meanwhile (<see cref="InboxGroupCommit{TContext}"/>):
/// an effect that throws having written nothing takes its inbox row back and leaves the group going; one that throws after
/// writing fails the group, whose other messages join the next one.
/// </summary>
public abstract class InboxConsumer<TContext, TMessage>(TContext db, TimeProvider clock, ILogger logger) : IConsumer<TMessage>
    where TContext : DbContext
    where TMessage : class
{
    /// <summary>Groups a message joins before it is applied alone (each failed group had a message that threw after writing).</summary>
    private const int MaxGroupTries = 3;

    protected TContext Db { get; } = db;
    protected TimeProvider Clock { get; } = clock;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without MessageId cannot be deduplicated.");
        var ct = context.CancellationToken;
        if (context.TryGetPayload(out IServiceProvider? services) && services.GetService<InboxGroupCommit<TContext>>() is { } group)
        {
            for (var tries = 0; tries < MaxGroupTries; tries++)
                if (await group.RunAsync(Db, c => ApplyAsync(context.Message, messageId, group.Written, c), ct) == GroupOutcome.Committed)
                    return;
            group.Detach(Db);  // applied alone
        }
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        if (await ApplyAsync(context.Message, messageId, null, ct)) await tx.CommitAsync(ct);
        else await tx.RollbackAsync(ct);
    }

    /// <summary>
    /// Claims the message's inbox row and applies the effect in the open transaction; false for a duplicate. In a group
    /// (<paramref name="written"/> given), an effect that throws having run no command that may write takes the inbox row
    /// back and throws <see cref="GroupWithdrawal"/>, so the group's other messages stay.
    /// </summary>
    private async Task<bool> ApplyAsync(TMessage message, Guid messageId, WrittenCommands? written, CancellationToken ct)
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
        var before = written?.Count(Db);
        try
        {
            await HandleAsync(message, ct);
        }
        catch (Exception e) when (written is not null && written.Count(Db) == before && !ct.IsCancellationRequested)
        {
            Db.ChangeTracker.Clear();
            await Db.Database.ExecuteSqlAsync($"DELETE FROM inbox_messages WHERE message_id = {messageId} AND consumer = {consumer}", ct);
            throw new GroupWithdrawal(e);
        }
        await Db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Apply the message's effect on <see cref="Db"/>; the base class saves and commits.</summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken ct);
}
