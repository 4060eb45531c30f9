using Approval.Messaging;
using Approval.Notifications.Domain;

namespace Approval.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<ApplicantContact> Contacts => Set<ApplicantContact>();
    public DbSet<RecipientSettings> RecipientSettings => Set<RecipientSettings>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<SentMessage> SentMessages => Set<SentMessage>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Notice>(e =>
        {
            e.ToTable("notices");
            e.HasKey(n => n.Id);
            e.Property(n => n.Id).ValueGeneratedNever();
            e.Property(n => n.Kind).HasMaxLength(40);
            e.Property(n => n.Title).HasMaxLength(100);
            e.HasIndex(n => new { n.RecipientId, n.CreatedAt });
            e.HasIndex(n => n.ApplicationId).HasFilter("\"RecipientId\" IS NULL").HasDatabaseName("ix_notices_unaddressed");
        });
        model.Entity<ApplicantContact>(e =>
        {
            e.ToTable("applicant_contacts");
            e.HasKey(c => c.ApplicationId);
            e.Property(c => c.ApplicationId).ValueGeneratedNever();
            e.Property(c => c.Mobile).HasMaxLength(20);
        });
        model.Entity<RecipientSettings>(e =>
        {
            e.ToTable("recipient_settings");
            e.HasKey(s => s.UserId);
            e.Property(s => s.Mobile).HasMaxLength(20);
        });
        model.Entity<Delivery>(e =>
        {
            // snake_case columns: the dispatcher claims rows with raw SQL.
            e.ToTable("deliveries");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(d => d.NoticeId).HasColumnName("notice_id");
            e.Property(d => d.RecipientId).HasColumnName("recipient_id");
            e.Property(d => d.Channel).HasColumnName("channel").HasMaxLength(20);
            e.Property(d => d.Status).HasColumnName("status").HasConversion<int>();
            e.Property(d => d.Destination).HasColumnName("destination");
            e.Property(d => d.Attempts).HasColumnName("attempts");
            e.Property(d => d.CreatedAt).HasColumnName("created_at");
            e.Property(d => d.NextAttemptAt).HasColumnName("next_attempt_at");
            e.Property(d => d.SentAt).HasColumnName("sent_at");
            e.Property(d => d.LastError).HasColumnName("last_error");
            e.HasIndex(d => new { d.NoticeId, d.Channel }).IsUnique();
            e.HasIndex(d => d.NextAttemptAt).HasFilter("status = 0").HasDatabaseName("ix_deliveries_pending");
            e.HasOne<Notice>().WithMany().HasForeignKey(d => d.NoticeId);
        });
        model.Entity<SentMessage>(e =>
        {
            e.ToTable("sent_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).ValueGeneratedNever();
            e.Property(m => m.Channel).HasMaxLength(20);
            // One record per delivery, whatever happens: the sink cannot double a message.
            e.HasIndex(m => m.DeliveryId).IsUnique();
            e.HasIndex(m => new { m.Channel, m.Destination });
            e.HasIndex(m => m.ApplicationId);
        });
        model.AddOutboxAndInbox();
    }
}
