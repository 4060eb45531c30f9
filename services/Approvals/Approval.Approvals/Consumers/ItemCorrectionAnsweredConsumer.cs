using Approval.Approvals.Data;
using Approval.Approvals.Domain;
using Approval.Contracts.Events;
using Approval.Messaging;

namespace Approval.Approvals.Consumers;

/// <summary>
/// 补正（结束）: the applicant answered an item's correction through Intake (which checked that they own the application and
/// that the files are theirs); the correction ends at the answer's time and the item's clock runs again. An answer to a
/// correction that is unknown or already ended changes nothing (Intake accepts one answer per correction).
/// </summary>
public sealed class ItemCorrectionAnsweredConsumer(ApprovalsDbContext db, TimeProvider clock, IAuditLog audit, ILogger<ItemCorrectionAnsweredConsumer> log)
    : InboxConsumer<ApprovalsDbContext, ItemCorrectionAnswered>(db, clock, log)
{
    protected override async Task HandleAsync(ItemCorrectionAnswered m, CancellationToken ct)
    {
        var correction = await Db.ItemCorrections.FirstOrDefaultAsync(c => c.Id == m.CorrectionId, ct);
        var item = await Db.Items.FirstOrDefaultAsync(i => i.Id == m.ItemInstanceId, ct);
        if (correction is null || item is null || correction.ItemInstanceId != item.Id || item.ApplicationId != m.ApplicationId
            || correction.EndedAt is not null || item.Status != ProcessingStatus.CorrectionStarted)
        {
            log.LogWarning("Answer to correction {CorrectionId} of item {ItemInstanceId} ignored: no such open correction", m.CorrectionId, m.ItemInstanceId);
            return;
        }
        var files = m.Files.Select(f => new CorrectionFile(f.Material, f.MaterialId, f.FileName)).ToList();
        // The pause ends when the applicant answered (Intake's time), never before it began (the services' clocks may differ).
        var answeredAt = m.AnsweredAt > correction.StartedAt ? m.AnsweredAt : correction.StartedAt;
        item.EndCorrection(correction, m.Actor, m.Note, files, answeredAt);
        var opinion = $"已补正：{string.Join("、", files.Select(f => $"{f.Material}（{f.FileName}）"))}" + (correction.Note is null ? "" : $"；说明：{correction.Note}");
        Db.RecordTransition(item, m.Actor, m.Organisation, opinion, Clock, audit);
    }
}
