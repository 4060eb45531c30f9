using Npgsql;

namespace Approval.Integration.Tests;

/// <summary>
/// Why no service turns on Npgsql's automatic preparation (Max Auto Prepare), although it would spare PostgreSQL most of
/// its planning (docs/testing.md, "Prepared statements"): in Npgsql 10.0.3, a statement whose preparing execution fails
/// inside a transaction — a NUL character in a parameter, as the bad-input sweep sends — is broken on that connection
/// afterwards, and its next use throws "Received unexpected backend message DataRow" (a 500). This test shows the driver
/// still does that; when it fails, the driver was fixed and prepared statements may be tried again.
/// </summary>
public sealed class AutoPrepareTests : IAsyncLifetime
{
    private readonly FreshDatabase<TestDbContext> database = new("autoprepare");

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Npgsql_still_breaks_an_auto_prepared_statement_whose_preparing_execution_failed_in_a_transaction()
    {
        // One physical connection, prepared on first use.
        var prepared = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            MaxAutoPrepare = 10, AutoPrepareMinUsages = 1, MaxPoolSize = 1, ApplicationName = "autoprepare",
        }.ConnectionString;
        await using (var setup = new NpgsqlConnection(prepared))
        {
            await setup.OpenAsync();
            await new NpgsqlCommand("CREATE TABLE prepare_probe (id serial PRIMARY KEY, value text)", setup).ExecuteNonQueryAsync();
        }

        var refused = await Assert.ThrowsAsync<PostgresException>(() => InsertInTransactionAsync(prepared, "a\0b"));
        Assert.Equal("22021", refused.SqlState); // PostgreSQL refuses the NUL: the caller's 400

        var next = await Record.ExceptionAsync(() => InsertInTransactionAsync(prepared, "fine"));
        Assert.True(next is not null,
            "Npgsql no longer breaks the statement: automatic preparation may be tried again (docs/testing.md, \"Prepared statements\").");
        Assert.Contains("unexpected backend message", next.Message);
    }

    private static async Task InsertInTransactionAsync(string connectionString, string value)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand("INSERT INTO prepare_probe (value) VALUES (@value) RETURNING id", connection, tx);
        insert.Parameters.AddWithValue("value", value);
        await insert.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }
}
