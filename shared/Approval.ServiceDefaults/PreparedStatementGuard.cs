using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Approval.ServiceDefaults;

/// <summary>
/// Keeps Npgsql's automatic preparation safe: Npgsql 10.0.3 leaves a statement broken on its connection when the execution
/// that prepared it failed inside a transaction (a NUL character PostgreSQL refused, a value too long, a unique key), and its
/// next use there throws "Received unexpected backend message" (AutoPrepareTests). So when PostgreSQL refuses a command of a
/// connection that prepares statements, that connection's pool is cleared: the connection in hand is closed when it goes
/// back, never reused, and the idle ones are opened afresh. Refusals are rare (the bench rolls back none); each costs new
/// connections, not a failed request. Registered on every service's DbContext by AddServiceDatabase.
/// </summary>
public sealed class PreparedStatementGuard : DbCommandInterceptor
{
    public static PreparedStatementGuard Instance { get; } = new();

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Discard(command, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken ct = default)
    {
        Discard(command, eventData.Exception);
        return Task.CompletedTask;
    }

    private static void Discard(DbCommand command, Exception exception)
    {
        if (exception is PostgresException && command.Connection is NpgsqlConnection connection
            && new NpgsqlConnectionStringBuilder(connection.ConnectionString).MaxAutoPrepare > 0)
            NpgsqlConnection.ClearPool(connection);
    }
}
