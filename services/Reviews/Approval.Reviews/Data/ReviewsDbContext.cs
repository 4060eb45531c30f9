using System.Text.Json;
using Approval.Messaging;
using Approval.Messaging.Systems;
using Approval.Reviews.Domain;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Reviews.Data;

public sealed class ReviewsDbContext(DbContextOptions<ReviewsDbContext> options) : DbContext(options)
{
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<ResultFileContent> ResultFiles => Set<ResultFileContent>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Review>(e =>
        {
            e.ToTable("reviews");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.RegionCode).HasMaxLength(6);
            e.Property(r => r.OwnerId).HasMaxLength(100);
            e.Property(r => r.OwnerName).HasMaxLength(200);
            e.Property(r => r.ProjectCode).HasMaxLength(24);
            e.Property(r => r.EngineeringCode).HasMaxLength(28);
            e.Property(r => r.TypeCode).HasMaxLength(40);
            e.Property(r => r.AgencyCode).HasMaxLength(20);
            e.Property(r => r.AgencyName).HasMaxLength(200);
            e.Property(r => r.Note).HasMaxLength(2000);
            e.HasIndex(r => new { r.OwnerId, r.CommissionedAt });
            e.HasIndex(r => new { r.AgencyCode, r.Status });
            e.HasIndex(r => new { r.RegionCode, r.ProjectCode });
            Json(e.Property(r => r.Opinions));
            Json(e.Property(r => r.Supplements));
            Json(e.Property(r => r.Result));
            e.Ignore(r => r.Pauses);
            e.Ignore(r => r.Passed);
            e.Property(r => r.Version).IsRowVersion();
        });
        model.Entity<ResultFileContent>(e =>
        {
            e.ToTable("review_result_files");
            e.HasKey(f => f.ReviewId);
            e.HasOne<Review>().WithOne().HasForeignKey<ResultFileContent>(f => f.ReviewId);
        });
        model.AddOutboxAndInbox();
        model.AddOrganisationSystems(); // the agencies' own systems: Idempotency-Key answers, webhooks
        model.AddAuditRecords();
    }

    /// <summary>A value the review replaces whole on every change, stored as jsonb.</summary>
    private static void Json<T>(PropertyBuilder<T> property) =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => JsonSerializer.Deserialize<T>(v, JsonSerializerOptions.Web)!);
}
