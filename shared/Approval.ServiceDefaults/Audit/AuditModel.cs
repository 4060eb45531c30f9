using Microsoft.EntityFrameworkCore;

namespace Approval.ServiceDefaults.Audit;

public static class AuditModel
{
    /// <summary>Adds the audit_records table to a service's model (call from OnModelCreating).</summary>
    public static ModelBuilder AddAuditRecords(this ModelBuilder model)
    {
        model.Entity<AuditRecord>(e =>
        {
            e.ToTable("audit_records");
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.ObjectType, r.ObjectId });
            e.HasIndex(r => r.OccurredAt);
            e.HasIndex(r => r.Sequence).IsUnique();
            e.Property(r => r.PreviousHash).HasMaxLength(64);
            e.Property(r => r.Hash).HasMaxLength(64);
        });
        return model;
    }

    /// <summary>Raw SQL for a migration: the database itself refuses UPDATE and DELETE on audit_records.</summary>
    public const string AppendOnlySql = """
        CREATE OR REPLACE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit_records is append-only'; END $$;
        CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_records
        FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only();
        """;
}
