using Approval.Projects.Data;
using Approval.ServiceDefaults;
using Approval.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Approval.Integration.Tests;

/// <summary>
/// Who migrates a service's database (issue 21): under <c>./approval up</c> the service itself ("apply", the default); in a
/// cluster the region's migrations Job ("await"): the service waits, without touching the schema, until no migration is
/// pending, and starts as soon as the Job has run.
/// </summary>
public sealed class MigrationsModeTests
{
    [Fact]
    public async Task In_await_mode_the_service_waits_for_the_job_and_creates_nothing_itself()
    {
        var database = new FreshDatabase<ProjectsDbContext>("await_mode");
        var logs = new WaitingLog();
        await using var app = Build(database.ConnectionString, "await", logs);
        try
        {
            // No database yet: the service waits (as it does while the Job has not run) and does not create it.
            var starting = app.MigrateDatabaseAsync<ProjectsDbContext>();
            await Eventually.Until(() => Task.FromResult(logs.Waits >= 2), "the service reports twice that it waits");
            Assert.False(starting.IsCompleted);
            Assert.False(await ExistsAsync(database.ConnectionString));

            // The Job runs (here: the same migrations, applied by another process's context) and the service goes on.
            await database.InitializeAsync();
            var done = await Task.WhenAny(starting, Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.Same(starting, done);
            await starting;
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task By_default_the_service_applies_its_migrations_and_an_unknown_mode_stops_it()
    {
        var database = new FreshDatabase<ProjectsDbContext>("apply_mode");
        try
        {
            await using (var app = Build(database.ConnectionString, null, new WaitingLog()))
                await app.MigrateDatabaseAsync<ProjectsDbContext>();
            await using (var db = database.NewContext())
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());

            await using var wrong = Build(database.ConnectionString, "later", new WaitingLog());
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => wrong.MigrateDatabaseAsync<ProjectsDbContext>());
            Assert.Contains("'apply' or 'await'", error.Message);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static WebApplication Build(string connectionString, string? mode, WaitingLog logs)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ConnectionStrings:projectsdb"] = connectionString;
        if (mode is not null) builder.Configuration["Approval:Database:Migrations"] = mode;
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.AddServiceDatabase<ProjectsDbContext>("projects");
        return builder.Build();
    }

    private static async Task<bool> ExistsAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(TestServers.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name!);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>Counts the service's "waiting for the migrations job" warnings.</summary>
    private sealed class WaitingLog : ILoggerProvider, ILogger
    {
        private int _waits;
        public int Waits => Volatile.Read(ref _waits);
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).StartsWith("Waiting for the migrations job", StringComparison.Ordinal)) Interlocked.Increment(ref _waits);
        }

        public void Dispose() { }
    }
}
