using System.Security.Cryptography;
using Approval.Contracts.Events;
using Approval.Intake.Data;
using Approval.Intake.Domain;
using Approval.Intake.Materials;
using Approval.Messaging;

namespace Approval.Intake.Consumers;

/// <summary>
/// Keeps a delivered result or deliverable as a material of its owner: stored like an upload, listed in
/// 我的材料 with its source, attached by id. A content whose SHA-256 differs from the announced one is refused (logged,
/// not stored): the event is the only copy Intake ever sees.
/// </summary>
public sealed class ProjectMaterialDeliveredConsumer(IntakeDbContext db, IMaterialStore store, TimeProvider clock, ILogger<ProjectMaterialDeliveredConsumer> log)
    : InboxConsumer<IntakeDbContext, ProjectMaterialDelivered>(db, clock, log)
{
    protected override async Task HandleAsync(ProjectMaterialDelivered m, CancellationToken ct)
    {
        if (m.Content.Length is 0 or > ProjectMaterialDelivered.MaxContentBytes
            || !string.Equals(Convert.ToHexStringLower(SHA256.HashData(m.Content)), m.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            log.LogWarning("Delivered material {Delivery} from {Source} refused: empty, too large or not matching its SHA-256", m.DeliveryId, m.Source);
            return;
        }
        if (await Db.Materials.AnyAsync(x => x.Id == m.DeliveryId, ct)) return;
        using var content = new MemoryStream(m.Content, writable: false);
        var stored = await store.SaveAsync(content, ct);
        Db.Materials.Add(new Material
        {
            Id = m.DeliveryId, OwnerId = m.OwnerId, RegionCode = m.RegionCode, FileName = Path.GetFileName(m.FileName), ContentType = m.ContentType,
            Size = stored.Size, Sha256 = stored.Sha256, StorageName = stored.StorageName, UploadedAt = m.DeliveredAt,
            Source = $"{m.Source}:{m.SourceReference}", DeliveredName = m.Name, ProjectCode = m.ProjectCode, EngineeringCode = m.EngineeringCode,
            SealCode = m.SealCode,
        });
    }
}
