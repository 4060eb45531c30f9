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
        InterceptionResult<int> result, CancellationToken ct = default) => ValueTask.FromResult(Written(eventData.Context, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Written(eventData.Context, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken ct = default) => ValueTask.FromResult(WrittenUnlessSelect(command, eventData.Context, result));

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        WrittenUnlessSelect(command, eventData.Context, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken ct = default) => ValueTask.FromResult(WrittenUnlessSelect(command, eventData.Context, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        WrittenUnlessSelect(command, eventData.Context, result);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken ct = default) =>
        Written(eventData.Context, Task.CompletedTask);

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Written(eventData.Context, 0);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken ct = default) =>
        Written(eventData.Context, Task.CompletedTask);

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Written(eventData.Context, 0);

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

    private T WrittenUnlessSelect<T>(DbCommand command, DbContext? context, T result) =>
        IsSelect(command.CommandText) ? result : Written(context, result);

    /// <summary>Counts one command on <paramref name="context"/>; <paramref name="result"/> passes through.</summary>
    private T Written<T>(DbContext? context, T result)
    {
        if (context is not null) Interlocked.Increment(ref counts.GetValue(context, _ => new StrongBox<int>()).Value);
        return result;
    }
}
