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
/// each other's locks. A member that throws fails the whole group: nothing of it is kept; the member applies its message again alone in its own
/// transaction (<see cref="InboxConsumer{TContext,TMessage}"/>), as before groups, and the others join the next group. A
/// commit that fails sends every member to apply alone; the inbox row of a message whose group did commit (a commit whose
/// answer was lost) drops that second try.
/// </summary>
public sealed class InboxGroupCommit<TContext>(IOptions<MessagingOptions> options) where TContext : DbContext
{
    private readonly object gate = new();
    private Group? open;                       // the group members join; null when the last one has closed
    private Task lastWorkDone = Task.CompletedTask;

    /// <summary>Members of the group open to join (0 when none is): how many messages the next commit will carry so far.</summary>
    public int OpenMembers
    {
        get { lock (gate) return open?.Joined ?? 0; }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on <paramref name="db"/> inside the group's transaction and waits for the group's end.
    /// Unless it committed, nothing of <paramref name="work"/> is kept; <paramref name="db"/> is then left attached to a
    /// closed connection (a new group attaches it again; to apply alone, the caller gives it a connection of its own).
    /// </summary>
    public async Task<GroupOutcome> RunAsync(TContext db, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        Group group;
        lock (gate)
        {
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
        var threw = false;
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
                        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
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
            catch (Exception)
            {
                group.Failed = true;  // this member applies its message alone; the others join the next group
                threw = true;
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
        if (await group.Committed.Task && done) return GroupOutcome.Committed;
        return threw || !group.Failed ? GroupOutcome.Alone : GroupOutcome.Rejoin;
    }

    private sealed class Group(Task before)
    {
        public Task Before { get; } = before;
        public SemaphoreSlim Turn { get; } = new(1, 1);
        public TaskCompletionSource WorkDone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<bool> Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Joined { get; set; }
        public int Pending { get; set; }
        public bool Failed { get; set; }
        public NpgsqlConnection? Connection { get; set; }
        public NpgsqlTransaction? Transaction { get; set; }

        /// <summary>By the last member out: lets the next group work, then commits (or, failed, rolls back).</summary>
        public async Task EndAsync()
        {
            WorkDone.SetResult();
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
                MessagingMetrics.InboxGroupSize.Record(Joined, new KeyValuePair<string, object?>("committed", committed));
                Committed.SetResult(committed);
            }
        }
    }
}

/// <summary>How a member's turn in a group ended.</summary>
public enum GroupOutcome
{
    /// <summary>Its work committed with the group.</summary>
    Committed,
    /// <summary>Another member threw: nothing was kept, and the message may join the next group.</summary>
    Rejoin,
    /// <summary>It threw, or the commit failed: nothing was kept (or the inbox tells), and the message is applied alone.</summary>
    Alone,
}
