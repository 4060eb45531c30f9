using System.Text.Json;
using Approval.Messaging;
using Approval.Supervision.Domain;

namespace Approval.Supervision.Data;

public sealed class SupervisionDbContext(DbContextOptions<SupervisionDbContext> options) : DbContext(options)
{
    public DbSet<ItemClock> Items => Set<ItemClock>();
    public DbSet<StageClock> Stages => Set<StageClock>();
    public DbSet<ApplicationRecord> Applications => Set<ApplicationRecord>();
    public DbSet<SupervisionNotice> Notices => Set<SupervisionNotice>();
    public DbSet<DepartmentLead> Leads => Set<DepartmentLead>();
    // 建议投诉 (docs/supervision.md)
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<ComplaintSupervisor> ComplaintSupervisors => Set<ComplaintSupervisor>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<ItemClock>(e =>
        {
            e.ToTable("item_clocks");
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).ValueGeneratedNever();
            e.HasIndex(i => i.ItemInstanceId).IsUnique();
            e.HasIndex(i => new { i.ApplicationId, i.ItemCode }).IsUnique();
            // The figures: one region's period, by department (the dashboard's main query), and the running clocks (the job).
            e.HasIndex(i => new { i.RegionCode, i.AcceptedDate, i.DepartmentCode });
            e.HasIndex(i => new { i.RegionCode, i.DepartmentCode, i.AcceptedDate });
            e.HasIndex(i => i.AcceptedAt).HasFilter("\"ConcludedAt\" IS NULL").HasDatabaseName("ix_item_clocks_running");
            e.Property(i => i.RegionCode).HasMaxLength(6);
            e.Property(i => i.ProjectCode).HasMaxLength(24);
            e.Property(i => i.ItemCode).HasMaxLength(64);
            e.Property(i => i.DepartmentCode).HasMaxLength(64);
            e.Property(i => i.State).HasConversion<int>();
            e.Property(i => i.Pauses).HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                v => JsonSerializer.Deserialize<List<ClockPause>>(v, JsonSerializerOptions.Web)!);
            e.Ignore(i => i.Running);
            e.Property(i => i.Version).IsRowVersion();
        });
        model.Entity<StageClock>(e =>
        {
            e.ToTable("stage_clocks");
            e.HasKey(s => s.ApplicationId);
            e.HasIndex(s => new { s.RegionCode, s.ProjectCode });
        });
        model.Entity<ApplicationRecord>(e =>
        {
            e.ToTable("applications");
            e.HasKey(a => a.ApplicationId);
            e.HasIndex(a => new { a.RegionCode, a.ReceivedDate });
        });
        model.Entity<SupervisionNotice>(e =>
        {
            e.ToTable("supervision_notices");
            e.HasKey(n => n.Id);
            e.HasIndex(n => n.ItemClockId);
            e.Property(n => n.Note).HasMaxLength(1000);
        });
        model.Entity<ServiceClock>(e =>
        {
            e.ToTable("service_clocks");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.HasIndex(c => new { c.RegionCode, c.Kind, c.OpenedDate });
            e.Property(c => c.State).HasConversion<int>();
            e.Property(c => c.Pauses).HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                v => JsonSerializer.Deserialize<List<ClockPause>>(v, JsonSerializerOptions.Web)!);
        });
        model.Entity<DepartmentLead>(e =>
        {
            e.ToTable("department_leads");
            e.HasKey(l => l.UserId);
            e.HasIndex(l => new { l.RegionCode, l.DepartmentCode });
        });
        // 建议投诉: a region's list by submission (newest first), a department's, a submitter's; the unanswered (the job).
        model.Entity<Complaint>(e =>
        {
            e.ToTable("complaints");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.HasIndex(c => new { c.RegionCode, c.SubmittedAt });
            e.HasIndex(c => new { c.RegionCode, c.DepartmentCode, c.SubmittedAt });
            e.HasIndex(c => c.SubmitterId);
            e.HasIndex(c => c.Deadline).HasFilter("\"AnsweredAt\" IS NULL AND \"EscalatedAt\" IS NULL").HasDatabaseName("ix_complaints_unanswered");
            e.Property(c => c.RegionCode).HasMaxLength(6);
            e.Property(c => c.Kind).HasMaxLength(16);
            e.Property(c => c.DepartmentCode).HasMaxLength(64);
            e.Property(c => c.ItemCode).HasMaxLength(Complaint.MaxItemCode);
            e.Property(c => c.Title).HasMaxLength(Complaint.MaxTitle);
            e.Property(c => c.Text).HasMaxLength(Complaint.MaxText);
            e.Property(c => c.Answer).HasMaxLength(Complaint.MaxAnswer);
            e.Ignore(c => c.Answered);
            e.Ignore(c => c.KindName);
            e.Property(c => c.Version).IsRowVersion();
        });
        model.Entity<ComplaintSupervisor>(e =>
        {
            e.ToTable("complaint_supervisors");
            e.HasKey(s => s.UserId);
            e.HasIndex(s => s.RegionCode);
        });
        model.AddOutboxAndInbox();
        model.AddAuditRecords();
    }
}
