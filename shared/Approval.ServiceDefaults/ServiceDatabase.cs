using Approval.ServiceDefaults.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Approval.ServiceDefaults;

public static class ServiceDatabase
{
    /// <summary>
    /// Registers the service's own PostgreSQL database: connection string "{name}db" if set, else the
    /// server in "postgres" with database "{prefix}_{name}" (<see cref="ConnectionStringFor"/>). The audit hash chain (<see cref="AuditChainInterceptor"/>)
    /// rides on every context, and so do <see cref="NoAutoSavepoints"/>, <see cref="PreparedStatementGuard"/> and every
    /// <see cref="IInterceptor"/> registered in the container (the messaging library's outbox signal).
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string name)
        where TContext : DbContext
    {
        var connectionString = ConnectionStringFor(builder.Configuration, name);
        builder.Services.TryAddSingleton<AuditChainInterceptor>();
        builder.Services.AddDbContext<TContext>((sp, o) => o
            .UseNpgsql(connectionString)
            .AddInterceptors([.. sp.GetServices<IInterceptor>(), sp.GetRequiredService<AuditChainInterceptor>(), NoAutoSavepoints.Instance,
                PreparedStatementGuard.Instance]));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            $"{name}-database", sp => new DatabaseHealthCheck<TContext>(sp), HealthStatus.Unhealthy, ["ready"]));
        return builder;
    }

    /// <summary>
    /// "{name}db" if configured, else the "postgres" server with database "{Approval:Database:Prefix}_{name}". The prefix is
    /// "approval" unless set; a deployment sets one per region (approval_320193), so two regions sharing a PostgreSQL
    /// server never share a database.
    /// </summary>
    public static string ConnectionStringFor(IConfiguration configuration, string name)
    {
        var own = configuration.GetConnectionString($"{name}db");
        if (!string.IsNullOrWhiteSpace(own)) return WithConnectionDefaults(own);
        var server = configuration.GetConnectionString("postgres")
            ?? throw new InvalidOperationException($"Neither 'ConnectionStrings:{name}db' nor 'ConnectionStrings:postgres' is configured.");
        var prefix = configuration["Approval:Database:Prefix"] is { Length: > 0 } configured ? configured : "approval";
        if (!System.Text.RegularExpressions.Regex.IsMatch(prefix, "^[a-z][a-z0-9_]{0,40}$"))
            throw new InvalidOperationException($"Approval:Database:Prefix '{prefix}' must be lower-case letters, digits and '_' (at most 41), starting with a letter.");
        return WithConnectionDefaults(new NpgsqlConnectionStringBuilder(server) { Database = $"{prefix}_{name}" }.ConnectionString);
    }

    /// <summary>The statements a connection keeps prepared (<c>Max Auto Prepare</c>) unless the connection string says.</summary>
    public const int AutoPreparedStatements = 128;

    /// <summary>
    /// Npgsql prepares, per pooled connection, every statement a service runs often (<c>Max Auto Prepare</c>, off by default in
    /// Npgsql), so PostgreSQL parses and plans it once instead of on every run: a service's queries are few and repeated
    /// (EF's SQL is fixed per query shape), and planning was a large part of PostgreSQL's time per case (issue 22, the
    /// bench's STATEMENTS table). And a connection going back to the pool is not reset (<c>No Reset On Close</c>): the reset
    /// that keeps prepared statements is seven statements (RESET ALL, UNLISTEN *, pg_advisory_unlock_all() …), which doubled the
    /// statements per case; the suite keeps no session state — its advisory locks are all transaction-scoped, it never SETs,
    /// LISTENs or makes temporary tables — and Npgsql still rolls back a transaction left open. A connection string that sets
    /// either keeps its own value (<c>Max Auto Prepare=0</c>: off). A statement Npgsql broke while preparing it never runs
    /// again: see <see cref="PreparedStatementGuard"/>.
    /// </summary>
    public static string WithConnectionDefaults(string connectionString)
    {
        // the plain builder: Npgsql's own answers ContainsKey for every keyword it knows, set or not
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Given(string keyword) => given.ContainsKey(keyword) || given.ContainsKey(keyword.Replace(" ", ""));
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Given("Max Auto Prepare")) tuned.MaxAutoPrepare = AutoPreparedStatements;
        if (!Given("No Reset On Close")) tuned.NoResetOnClose = true;
        return tuned.ConnectionString;
    }

    /// <summary>
    /// Brings the database to the service's schema before it takes traffic. <c>Approval:Database:Migrations</c> is
    /// <c>apply</c> (the default: the service migrates, creating the database if missing, as under <c>./approval up</c>) or
    /// <c>await</c> (a cluster: the region's migrations Job, an EF migrations bundle run with the service's own database
    /// credential, migrates; the service only waits until no migration is pending, so it never needs DDL or CREATEDB rights).
    /// </summary>
    public static async Task MigrateDatabaseAsync<TContext>(this WebApplication app) where TContext : DbContext
    {
        var mode = app.Configuration["Approval:Database:Migrations"] is { Length: > 0 } configured ? configured : "apply";
        await using var scope = app.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<TContext>().Database;
        switch (mode)
        {
            case "apply":
                await database.MigrateAsync();
                return;
            case "await":
                await AwaitMigrationsAsync(database, app.Logger, app.Lifetime.ApplicationStopping);
                return;
            default:
                throw new InvalidOperationException($"Approval:Database:Migrations is '{mode}'; it must be 'apply' or 'await'.");
        }
    }

    /// <summary>Waits (polling every 2 s) until the database exists and has every migration this build knows.</summary>
    private static async Task AwaitMigrationsAsync(DatabaseFacade database, ILogger logger, CancellationToken stopping)
    {
        while (true)
        {
            string[] pending;
            try
            {
                pending = [.. await database.GetPendingMigrationsAsync(stopping)];
            }
            catch (NpgsqlException e)
            {
                pending = [$"(database unreachable: {e.Message})"];
            }
            if (pending.Length == 0) return;
            logger.LogWarning("Waiting for the migrations job: {Count} migration(s) pending, first {First}", pending.Length, pending[0]);
            await Task.Delay(TimeSpan.FromSeconds(2), stopping);
        }
    }

    private sealed class DatabaseHealthCheck<TContext>(IServiceProvider services) : IHealthCheck where TContext : DbContext
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            await using var scope = services.CreateAsyncScope();
            var ok = await scope.ServiceProvider.GetRequiredService<TContext>().Database.CanConnectAsync(ct);
            return ok ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("database unreachable");
        }
    }
}
