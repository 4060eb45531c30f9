using Approval.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Approval.Integration.Tests;

/// <summary>
/// Npgsql's automatic preparation (Max Auto Prepare, on for every service: ServiceDatabase) and the driver's flaw that
/// <see cref="PreparedStatementGuard"/> works around: in Npgsql 10.0.3, a statement whose preparing execution fails inside
/// a transaction — a NUL character in a parameter, as the bad-input sweep sends — is broken on that connection afterwards,
/// and its next use there throws "Received unexpected backend message DataRow" (a 500; docs/testing.md, "Prepared
/// statements"). When the first test fails, the driver was fixed and the guard may go.
/// </summary>
public sealed class AutoPrepareTests : IAsyncLifetime
{
    private readonly FreshDatabase<TestDbContext> database = new("autoprepare");

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Npgsql_still_breaks_an_auto_prepared_statement_whose_preparing_execution_failed_in_a_transaction()
    {
        var prepared = await PreparedAsync("noguard");
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => SaveInTransactionAsync(prepared, "a\0b", guarded: false));
        Assert.Equal("22021", Assert.IsType<PostgresException>(refused.InnerException).SqlState); // the caller's 400

        var next = await Record.ExceptionAsync(() => SaveInTransactionAsync(prepared, "fine", guarded: false));
        Assert.True(next is not null,
            "Npgsql no longer breaks the statement: PreparedStatementGuard may go (docs/testing.md, \"Prepared statements\").");
        Assert.Contains("unexpected backend message", next.ToString());
    }

    [Fact]
    public async Task With_the_guard_the_save_after_a_refused_one_meets_a_fresh_connection_and_succeeds()
    {
        var prepared = await PreparedAsync("guard");
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => SaveInTransactionAsync(prepared, "a\0b", guarded: true));
        Assert.Equal("22021", Assert.IsType<PostgresException>(refused.InnerException).SqlState);
        await SaveInTransactionAsync(prepared, "fine", guarded: true);
        await SaveInTransactionAsync(prepared, "fine again", guarded: true);
        Assert.Equal(2, (await database.EffectCountsAsync()).Values.Sum());
    }

    /// <summary>A pool of one physical connection of its own (by its application name) that prepares on first use.</summary>
    private async Task<string> PreparedAsync(string pool)
    {
        await using (var db = database.NewContext()) await db.Effects.CountAsync(); // the schema exists
        return new NpgsqlConnectionStringBuilder(ServiceDatabase.WithConnectionDefaults(database.ConnectionString))
        {
            AutoPrepareMinUsages = 1, MaxPoolSize = 1, ApplicationName = $"autoprepare-{pool}",
        }.ConnectionString;
    }

    /// <summary>One effect saved in a transaction of its own, as a service's command does (no savepoint; the guard or not).</summary>
    private static async Task SaveInTransactionAsync(string connectionString, string key, bool guarded)
    {
        IInterceptor[] interceptors = guarded ? [NoAutoSavepoints.Instance, PreparedStatementGuard.Instance] : [NoAutoSavepoints.Instance];
        await using var db = new TestDbContext(new DbContextOptionsBuilder<TestDbContext>().UseNpgsql(connectionString).AddInterceptors(interceptors).Options);
        await using var tx = await db.Database.BeginTransactionAsync();
        db.Effects.Add(new Effect { Key = key, Instance = "probe" });
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }
}
