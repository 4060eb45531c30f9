using Approval.Approvals.Api;
using Approval.Approvals.Data;
using Approval.Messaging.Systems;
using Microsoft.EntityFrameworkCore;

namespace Approval.Integration.Tests;

/// <summary>The idempotency-key cleanup on a real, migrated Approvals database: answers older than the cutoff go, younger ones stay replayable.</summary>
public sealed class IdempotencyCleanupTests : IAsyncLifetime
{
    private readonly FreshDatabase<ApprovalsDbContext> database = new("idem");

    private ApprovalsDbContext NewContext() => database.NewContext();

    [Fact]
    public async Task Answers_older_than_the_cutoff_are_deleted_and_younger_ones_kept()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        await using (var db = NewContext())
        {
            foreach (var (key, age) in new[] { ("old-1", 45), ("old-2", 31), ("young", 29), ("today", 0) })
                db.IdempotencyRecords.Add(new IdempotencyRecord
                {
                    Client = "dept-ZJJ-system", Key = key, Request = "POST /api/approvals/department-system/items/x/start",
                    RequestHash = "h", StatusCode = 200, ResponseBody = "{}", CreatedAt = now.AddDays(-age),
                });
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
            Assert.Equal(2, await IdempotencyCleanup.DeleteOlderThanAsync(db, now - new IdempotencyOptions().Retention, CancellationToken.None));

        await using (var db = NewContext())
            Assert.Equal(["today", "young"], await db.IdempotencyRecords.Select(r => r.Key).OrderBy(k => k).ToListAsync());
    }

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();
}
