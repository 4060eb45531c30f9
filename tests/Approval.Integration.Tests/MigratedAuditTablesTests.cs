using Approval.Approvals.Data;
using Approval.Catalog.Data;
using Approval.Identity.Data;
using Approval.Intake.Data;
using Approval.Licences.Data;
using Approval.Marketplace.Data;
using Approval.Notifications.Data;
using Approval.Portal.Data;
using Approval.Projects.Data;
using Approval.Utilities.Data;
using Approval.Reviews.Data;
using Approval.Supervision.Data;
using Approval.Exchange.Data;
using Approval.ServiceDefaults.Audit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Approval.Integration.Tests;

/// <summary>
/// Every service's real EF migrations on the real PostgreSQL: each service that keeps an audit log has an
/// audit_records table that refuses UPDATE, DELETE and TRUNCATE in the database itself (issue 25, item 1).
/// </summary>
public sealed class MigratedAuditTablesTests
{
    /// <summary>Every service's database context, and whether that service keeps an audit log (hand-listed).</summary>
    public static TheoryData<string, bool> Services => new()
    {
        { "identity", true }, { "catalog", false }, { "intake", true }, { "approvals", true },
        { "licences", true }, { "projects", true }, { "notifications", false }, { "portal", false },
        { "utilities", true },
        { "marketplace", true },
        { "reviews", true },
        { "supervision", true },
        { "exchange", true },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public Task The_audit_table_of_the_migrated_database_refuses_update_delete_and_truncate(string service, bool keepsAudit) => service switch
    {
        "identity" => CheckAsync<IdentityDbContext>(service, keepsAudit),
        "catalog" => CheckAsync<CatalogDbContext>(service, keepsAudit),
        "intake" => CheckAsync<IntakeDbContext>(service, keepsAudit),
        "approvals" => CheckAsync<ApprovalsDbContext>(service, keepsAudit),
        "licences" => CheckAsync<LicencesDbContext>(service, keepsAudit),
        "projects" => CheckAsync<ProjectsDbContext>(service, keepsAudit),
        "notifications" => CheckAsync<NotificationsDbContext>(service, keepsAudit),
        "portal" => CheckAsync<PortalDbContext>(service, keepsAudit),
        "utilities" => CheckAsync<UtilitiesDbContext>(service, keepsAudit),
        "marketplace" => CheckAsync<MarketplaceDbContext>(service, keepsAudit),
        "reviews" => CheckAsync<ReviewsDbContext>(service, keepsAudit),
        "supervision" => CheckAsync<SupervisionDbContext>(service, keepsAudit),
        "exchange" => CheckAsync<ExchangeDbContext>(service, keepsAudit),
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "no such service"),
    };

    private static async Task CheckAsync<TContext>(string service, bool keepsAudit) where TContext : DbContext
    {
        var database = new FreshDatabase<TContext>($"audit_{service}");
        try
        {
            await database.InitializeAsync();
            await using var db = database.NewContext();
            Assert.Equal(keepsAudit, db.Model.FindEntityType(typeof(AuditRecord)) is not null);
            if (!keepsAudit) return;

            var id = Guid.CreateVersion7();
            db.Set<AuditRecord>().Add(new AuditRecord { Id = id, OccurredAt = DateTimeOffset.UtcNow, Service = service, Action = AuditActions.StateChange, ObjectId = "x", Outcome = "original" });
            await db.SaveChangesAsync();

            foreach (var statement in new[] { "UPDATE audit_records SET \"Outcome\" = 'changed'", "DELETE FROM audit_records", "TRUNCATE audit_records" })
            {
                var refused = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(statement));
                Assert.Contains("append-only", refused.MessageText);
            }
            db.ChangeTracker.Clear();
            var record = await db.Set<AuditRecord>().AsNoTracking().SingleAsync();
            Assert.Equal((id, "original"), (record.Id, record.Outcome));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}
