using Microsoft.EntityFrameworkCore;

namespace Approval.Messaging;

/// <summary>Maps the outbox and inbox tables into a service's own DbContext (and so its migrations).</summary>
public static class OutboxModel
{
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            e.Property(m => m.MessageId).HasColumnName("message_id");
            e.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(300);
            e.Property(m => m.Body).HasColumnName("body").HasColumnType("jsonb");
            e.Property(m => m.AggregateId).HasColumnName("aggregate_id").HasMaxLength(100);
            e.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(100);
            e.Property(m => m.CreatedAt).HasColumnName("created_at");
            e.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
            e.Property(m => m.SentAt).HasColumnName("sent_at");
            e.Property(m => m.Attempts).HasColumnName("attempts");
            e.Property(m => m.LastError).HasColumnName("last_error");
            e.HasIndex(m => m.MessageId).IsUnique();
            e.HasIndex(m => new { m.AggregateId, m.Id }).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_unsent_by_aggregate");
            e.HasIndex(m => m.Id).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_unsent");
        });
        model.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.MessageId).HasColumnName("message_id");
            e.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(200);
            e.Property(m => m.ProcessedAt).HasColumnName("processed_at");
            e.HasIndex(m => m.ProcessedAt);
        });
        return model;
    }
}
