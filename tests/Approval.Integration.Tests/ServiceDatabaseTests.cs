using Approval.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Approval.Integration.Tests;

/// <summary>A service's DbContext as <see cref="ServiceDatabase.AddServiceDatabase{TContext}"/> registers it, on a real database.</summary>
public sealed class ServiceDatabaseTests : IAsyncLifetime
{
    private readonly FreshDatabase<TestDbContext> database = new("servicedb");

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task A_save_in_a_transaction_writes_with_the_transactions_own_id_not_a_savepoints()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:servicedbdb"] = database.ConnectionString;
        builder.AddServiceDatabase<TestDbContext>("servicedb");
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();

        // as a consumer does: its transaction writes first (the inbox row), then the save
        await using var tx = await db.Database.BeginTransactionAsync();
        var own = await db.Database.SqlQuery<string>($"SELECT (pg_current_xact_id()::text::bigint % 4294967296)::text AS \"Value\"").SingleAsync();
        db.Effects.Add(new Effect { Key = "saved-in-a-transaction", Instance = "a" });
        await db.SaveChangesAsync();
        var writer = await db.Database.SqlQuery<string>($"SELECT xmin::text AS \"Value\" FROM effects WHERE \"Key\" = 'saved-in-a-transaction'").SingleAsync();
        await tx.CommitAsync();

        // EF's default savepoint puts the save's writes in a subtransaction: a second transaction id, and a round trip
        Assert.True(own == writer, $"the save wrote under transaction id {writer}, not the transaction's own {own}: a savepoint was set");
    }
}
