using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Approval.Messaging;

/// <summary>
/// Counts, per context, the commands that may have changed its transaction: every non-query (writes, and locks taken with
/// <c>ExecuteSql</c>), every reader or scalar whose text is not a plain SELECT (a save's INSERT … RETURNING, a CTE), and
/// every command that failed (PostgreSQL then refuses the rest of the transaction). A consumer in a group whose effect
/// throws with this count unchanged since its inbox row wrote nothing else, so it can take that row back and leave the
/// group going (<see cref="InboxConsumer{TContext,TMessage}"/>).
/// </summary>
public sealed class WrittenCommands : DbCommandInterceptor
{
    private readonly ConditionalWeakTable<DbContext, StrongBox<int>> counts = new();

    public int Count(DbContext context) => counts.TryGetValue(context, out var box) ? Volatile.Read(ref box.Value) : 0;

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken ct = default)
    {
        Add(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Add(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        AddUnlessSelect(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        AddUnlessSelect(command, eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken ct = default)
    {
        AddUnlessSelect(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        AddUnlessSelect(command, eventData.Context);
        return result;
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken ct = default)
    {
        Add(eventData.Context);
        return Task.CompletedTask;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Add(eventData.Context);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken ct = default)
    {
        Add(eventData.Context);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Add(eventData.Context);

    /// <summary>A statement that only reads: its text (after comments and blanks, e.g. a TagWith) starts with SELECT.</summary>
    public static bool IsSelect(string text)
    {
        var span = text.AsSpan();
        while (true)
        {
            span = span.TrimStart();
            if (span.StartsWith("--"))
            {
                var end = span.IndexOf('\n');
                if (end < 0) return false;
                span = span[(end + 1)..];
            }
            else if (span.StartsWith("/*"))
            {
                var end = span.IndexOf("*/");
                if (end < 0) return false;
                span = span[(end + 2)..];
            }
            else return span.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && (span.Length == 6 || !char.IsLetterOrDigit(span[6]));
        }
    }

    private void AddUnlessSelect(DbCommand command, DbContext? context)
    {
        if (!IsSelect(command.CommandText)) Add(context);
    }

    private void Add(DbContext? context)
    {
        if (context is null) return;
        var box = counts.GetValue(context, _ => new StrongBox<int>());
        Interlocked.Increment(ref box.Value);
    }
}
