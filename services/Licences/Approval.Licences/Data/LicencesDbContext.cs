using Approval.Licences.Domain;
using Approval.Messaging;
using Approval.ServiceDefaults.Audit;
using Microsoft.EntityFrameworkCore;

namespace Approval.Licences.Data;

public sealed class LicencesDbContext(DbContextOptions<LicencesDbContext> options) : DbContext(options)
{
    public const string SerialSequence = "licence_serial";

    public DbSet<Licence> Licences => Set<Licence>();

    /// <summary>The next value of the serial sequence (unique across replicas, gaps allowed).</summary>
    public async Task<long> NextSerialAsync(CancellationToken ct) =>
        await Database.SqlQuery<long>($"SELECT nextval('licence_serial') AS \"Value\"").SingleAsync(ct);

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.HasSequence<long>(SerialSequence);
        model.Entity<Licence>(e =>
        {
            e.ToTable("licences");
            e.HasKey(l => l.Id);
            e.HasIndex(l => l.Identifier).IsUnique();
            e.HasIndex(l => l.ItemInstanceId).IsUnique();
            e.HasIndex(l => l.ApplicationId);
        });
        model.AddOutboxAndInbox();
        model.AddAuditRecords();
    }
}
