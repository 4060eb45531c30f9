using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Approval.Messaging;

/// <summary>
/// Group commit of a service's consumers (issue 22: one transaction per consumed message was two thirds of a case's write
/// transactions). A consumer joins the open group; the group's members take turns on one connection and one transaction —
/// each member's context is attached to it — and the member that finishes while no one else is waiting commits the lot.
/// Members arriving while a group works join it, so groups grow with the load and a lone message commits alone at once,
/// with no wait added. At most <see cref="MessagingOptions.ConsumerGroupSize"/> join one group; the next group starts its
/// work when the one before has done its work (its commit may still be running), so two groups of one process never wait on
/// each other's locks. A member whose work throws <see cref="GroupWithdrawal"/> has left the transaction as it found it:
/// the group goes on without it. Any other throw fails the whole group: nothing of it is kept, and the other members join
/// the next group (so does everyone when the commit fails: a commit that did happen is found by the inbox rows). A member
/// whose work threw gets its exception back once the group has ended, for the consumer's retries.
/// </summary>
public sealed class InboxGroupCommit<TContext>(IOptions<MessagingOptions> options, WrittenCommands written, OutboxSignal signal)
    where TContext : DbContext
{
    private readonly object gate = new();
    private Group? open;                       // the group members join; null when the last one has closed
    private Task lastWorkDone = Task.CompletedTask;
    // the configured string, read from a member's context before any is attached to a group (an opened connection's
    // string no longer shows the password)
    private string? connectionString;

    /// <summary>What each member's context ran (a member that only read may withdraw: <see cref="GroupWithdrawal"/>).</summary>
    public WrittenCommands Written => written;

    /// <summary>Members of the group open to join (0 when none is): how many messages the next commit will carry so far.</summary>
    public int OpenMembers
    {
        get { lock (gate) return open?.Joined ?? 0; }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on <paramref name="db"/> inside the group's transaction and waits for the group's end:
    /// <see cref="GroupOutcome.Committed"/>, or <see cref="GroupOutcome.Rejoin"/> when the group failed (nothing of
    /// <paramref name="work"/> is kept; <paramref name="db"/> is left attached to a closed connection, which a new group
    /// replaces). When <paramref name="work"/> threw, its exception is thrown once the group has ended. A committed member
    /// that added outbox events wakes the relay.
    /// </summary>
    public async Task<GroupOutcome> RunAsync(TContext db, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        Group group;
        lock (gate)
        {
            connectionString ??= db.Database.GetConnectionString();
            if (open is null || open.Joined >= options.Value.ConsumerGroupSize)
            {
                open = new Group(lastWorkDone);
                lastWorkDone = open.WorkDone.Task;
            }
            group = open;
            group.Joined++;
            group.Pending++;
        }
        var done = false;
        ExceptionDispatchInfo? thrown = null;
        try
        {
            await group.Before.WaitAsync(ct);
            await group.Turn.WaitAsync(ct);
            try
            {
                if (!group.Failed)
                {
                    if (group.Transaction is null)
                    {
                        var connection = new NpgsqlConnection(connectionString);
                        group.Connection = connection;
                        await connection.OpenAsync(ct);
                        group.Transaction = await connection.BeginTransactionAsync(ct);
                    }
                    db.Database.SetDbConnection(group.Connection, contextOwnsConnection: false);
                    await db.Database.UseTransactionAsync(group.Transaction, ct);
                    await work(ct);
                    done = true;
                }
            }
            catch (GroupWithdrawal e)
            {
                thrown = ExceptionDispatchInfo.Capture(e.InnerException!);  // the transaction is as it found it: the group goes on
                group.Withdrawn++;
            }
            catch (Exception e)
            {
                thrown = ExceptionDispatchInfo.Capture(e);
                group.Failed = true;  // the others join the next group
            }
            finally
            {
                if (db.Database.CurrentTransaction is not null) await db.Database.UseTransactionAsync(null, CancellationToken.None);
                group.Turn.Release();
            }
        }
        finally
        {
            bool last;
            lock (gate)
            {
                last = --group.Pending == 0;
                if (last && open == group) open = null;
            }
            if (last) await group.EndAsync();
        }
        // the commit runs to its end even when this member's wait is cancelled: its outcome decides whether it applied
        var committed = await group.Committed.Task;
        thrown?.Throw();
        if (!committed || !done) return GroupOutcome.Rejoin;
        signal.Committed(db);
        return GroupOutcome.Committed;
    }

    /// <summary>Gives <paramref name="db"/>, left attached to a failed group's closed connection, a connection of its own.</summary>
    public void Detach(TContext db) => db.Database.SetDbConnection(new NpgsqlConnection(connectionString), contextOwnsConnection: true);

    private sealed class Group(Task before)
    {
        public Task Before { get; } = before;
        public SemaphoreSlim Turn { get; } = new(1, 1);
        public TaskCompletionSource WorkDone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<bool> Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Joined { get; set; }
        public int Pending { get; set; }
        public bool Failed { get; set; }
        public int Withdrawn { get; set; }
        public NpgsqlConnection? Connection { get; set; }
        public NpgsqlTransaction? Transaction { get; set; }

        /// <summary>By the last member out: lets the next group work, then commits (or, failed, rolls back).</summary>
        public async Task EndAsync()
        {
            // not before the group before has done its work: members cancelled while waiting for it end this group early
            _ = Before.ContinueWith(_ => WorkDone.SetResult(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            var committed = false;
            try
            {
                if (Transaction is not null && !Failed)
                {
                    await Transaction.CommitAsync(CancellationToken.None);
                    committed = true;
                }
            }
            catch (Exception)
            {
                // the members apply their messages alone; a commit that did happen is found by their inbox rows
            }
            finally
            {
                if (Transaction is not null) await Transaction.DisposeAsync();
                if (Connection is not null) await Connection.DisposeAsync();
                MessagingMetrics.InboxGroupSize.Record(Joined - Withdrawn, new KeyValuePair<string, object?>("committed", committed));
                Committed.SetResult(committed);
            }
        }
    }
}

/// <summary>How a member's turn in a group ended (a member whose work threw gets its exception instead).</summary>
public enum GroupOutcome
{
    /// <summary>Its work committed with the group.</summary>
    Committed,
    /// <summary>The group failed (another member threw after writing, or the commit failed): nothing was kept; join the next.</summary>
    Rejoin,
}

/// <summary>
/// Thrown by a member's work that failed (<see cref="Exception.InnerException"/>) after undoing whatever it wrote in the
/// group's transaction: the group goes on without it, and the member gets the inner exception.
/// </summary>
public sealed class GroupWithdrawal(Exception inner) : Exception("The message left its consumer group: " + inner.Message, inner);
