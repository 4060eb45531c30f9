using System.Globalization;
using Approval.Exchange.Domain;
using Npgsql;

namespace Approval.Exchange.Front;

/// <summary>Where the front database is: ConnectionStrings:frontdb, or approval_front on the suite's PostgreSQL server.</summary>
public sealed record FrontConnection(string ConnectionString);

/// <summary>A row the provincial side marked failed (SJSCZT 2) with its reason (SBYY).</summary>
public sealed record FrontFailure(string Table, string LocalKey, string? Reason);

/// <summary>Counts of one region's rows in one front table: all, and those valid (SJYXBS 1).</summary>
public sealed record FrontCount(string Table, long Rows, long Valid);

/// <summary>
/// The front database (前置库): a PostgreSQL database apart from the exchange's own (ConnectionStrings:frontdb, or
/// approval_front on the suite's server). Writes are upserts by region and local key in one transaction per round, so a
/// re-send never duplicates; reads bring back the provincial side's failures and the reconciliation's counts.
/// </summary>
public sealed class FrontDatabase(FrontConnection connection, ILogger<FrontDatabase> log) : IAsyncDisposable
{
    private readonly NpgsqlDataSource source = NpgsqlDataSource.Create(connection.ConnectionString);
    private bool databaseChecked;

    public ValueTask DisposeAsync() => source.DisposeAsync();

    public async Task EnsureSchemaAsync(CancellationToken ct)
    {
        if (!databaseChecked) await CreateDatabaseIfMissingAsync(ct);
        await using var db = await source.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(db);
        foreach (var sql in SpglTables.All.SelectMany(FrontSchema.CreateTable)) batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Writes the rows (in the given order: parents first) in one transaction; nothing is written if any fails.</summary>
    public async Task UpsertAsync(IReadOnlyList<ExchangeRow> rows, DateTimeOffset now, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var db = await source.OpenConnectionAsync(ct);
        await using var tx = await db.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(db, tx);
        foreach (var row in rows)
        {
            var table = SpglTables.Named(row.Table)!;
            var command = new NpgsqlBatchCommand(FrontSchema.Upsert(table));
            foreach (var c in table.Columns) command.Parameters.Add(new NpgsqlParameter { Value = Convert(c, row.Values.GetValueOrDefault(c.Name)) });
            object?[] common = [row.LocalKey, row.RegionCode, row.Valid ? 1 : 0, row.InvalidReason is { } r ? Truncate(r, 500) : null, SpglCommon.New, null, now.ToUniversalTime(), now.ToUniversalTime()];
            foreach (var v in common) command.Parameters.Add(new NpgsqlParameter { Value = v ?? DBNull.Value });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Takes a row sent before out of the valid set (SJYXBS 0 with the reason): its source no longer passes the checks.</summary>
    public async Task InvalidateAsync(IReadOnlyList<(ExchangeRow Row, string Reason)> rows, DateTimeOffset now, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var db = await source.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(db);
        foreach (var (row, reason) in rows)
        {
            var command = new NpgsqlBatchCommand($"""
                UPDATE "{row.Table}" SET "{SpglCommon.Valid}" = 0, "{SpglCommon.InvalidReason}" = $1, "{SpglCommon.UpdatedAt}" = $2
                WHERE "{SpglCommon.Region}" = $3 AND "{SpglCommon.LocalKey}" = $4
                """);
            foreach (var v in new object[] { Truncate(reason, 500), now.ToUniversalTime(), row.RegionCode, row.LocalKey })
                command.Parameters.Add(new NpgsqlParameter { Value = v });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The region's rows the provincial side marked failed (SJSCZT 2), with their reasons.</summary>
    public async Task<List<FrontFailure>> FailuresAsync(string regionCode, CancellationToken ct)
    {
        var failures = new List<FrontFailure>();
        await using var db = await source.OpenConnectionAsync(ct);
        foreach (var t in SpglTables.All)
        {
            await using var command = new NpgsqlCommand($"""
                SELECT "{SpglCommon.LocalKey}", "{SpglCommon.FailureReason}" FROM "{t.Name}"
                WHERE "{SpglCommon.UploadState}" = {SpglCommon.Failed} AND "{SpglCommon.Region}" = $1
                """, db);
            command.Parameters.Add(new NpgsqlParameter { Value = regionCode });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) failures.Add(new(t.Name, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }
        return failures;
    }

    public async Task<List<FrontCount>> CountsAsync(string regionCode, CancellationToken ct)
    {
        var counts = new List<FrontCount>();
        await using var db = await source.OpenConnectionAsync(ct);
        foreach (var t in SpglTables.All)
        {
            await using var command = new NpgsqlCommand(
                $"""SELECT count(*), count(*) FILTER (WHERE "{SpglCommon.Valid}" = 1) FROM "{t.Name}" WHERE "{SpglCommon.Region}" = $1""", db);
            command.Parameters.Add(new NpgsqlParameter { Value = regionCode });
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            counts.Add(new(t.Name, reader.GetInt64(0), reader.GetInt64(1)));
        }
        return counts;
    }

    private static object Convert(SpglColumn c, string? v)
    {
        if (string.IsNullOrWhiteSpace(v)) return DBNull.Value;
        return c.Type switch
        {
            SpglType.Int => int.Parse(v, CultureInfo.InvariantCulture),
            SpglType.Number => decimal.Parse(v, CultureInfo.InvariantCulture),
            SpglType.Date => SpglValidator.Date(v)!.Value,
            SpglType.Time => DateTimeOffset.Parse(v, CultureInfo.InvariantCulture).ToUniversalTime(),
            _ => v,
        };
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>The suite creates the front database beside its own; a province's given database (frontdb) already exists.</summary>
    private async Task CreateDatabaseIfMissingAsync(CancellationToken ct)
    {
        var server = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        var database = server.Database ?? throw new InvalidOperationException("The front database connection names no database.");
        server.Database = "postgres";
        try
        {
            await using var maintenance = new NpgsqlConnection(server.ConnectionString);
            await maintenance.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", maintenance) { Parameters = { new() { Value = database } } };
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", maintenance);
                await create.ExecuteNonQueryAsync(ct);
                log.LogInformation("Created the front database {Database}", database);
            }
            databaseChecked = true;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.DuplicateDatabase)
        {
            databaseChecked = true; // a province's database we may not create, or created concurrently: use it as it is
        }
    }
}
