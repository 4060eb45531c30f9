using Approval.ServiceDefaults.Audit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Approval.Integration.Tests;

/// <summary>The audit table of every service refuses updates and deletes in the database itself (the migrations' trigger).</summary>
public sealed class AuditAppendOnlyTests : IAsyncLifetime
{
    private readonly FreshDatabase<TestDbContext> database = new("msg");

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await using var db = database.NewContext();
        await db.Database.ExecuteSqlRawAsync(AuditModel.AppendOnlySql);
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task An_audit_record_can_be_added_but_never_changed_deleted_or_truncated()
    {
        var id = Guid.CreateVersion7();
        await using (var db = database.NewContext())
        {
            db.Set<AuditRecord>().Add(new AuditRecord { Id = id, OccurredAt = DateTimeOffset.UtcNow, Service = "test", Action = AuditActions.StateChange, ObjectId = "x" });
            await db.SaveChangesAsync();
        }
        await using (var db = database.NewContext())
        {
            var update = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_records SET \"Outcome\" = 'changed'"));
            Assert.Contains("append-only", update.MessageText);
            await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_records"));
            await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE audit_records"));
        }
        await using (var db = database.NewContext())
        {
            var record = await db.Set<AuditRecord>().SingleAsync();
            Assert.Equal((id, (string?)null), (record.Id, record.Outcome));
        }
    }
}
