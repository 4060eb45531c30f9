using Approval.Approvals.Data;
using Approval.Approvals.Domain;
using Approval.Calendar;
using Approval.ServiceDefaults.Region;
using Approval.Contracts.Events;
using Approval.Messaging;

namespace Approval.Approvals.Api;

/// <summary>
/// The actions on an item instance, the same for department staff (portal API) and department systems (inbound API):
/// each changes the item, records the step, event and audit record, and saves them in one unit of work.
/// </summary>
public sealed class ItemCommands(ApprovalsDbContext db, ItemViews views, WorkingCalendar calendar, DeploymentRegion region, TimeProvider clock, IAuditLog audit)
{
    public Task<ItemInstanceDto> StartAsync(ItemInstance item, string actor, string? opinion, CancellationToken ct, string? actorId = null)
    {
        item.Start(clock.GetUtcNow());
        db.RecordTransition(item, actor, item.DepartmentName, opinion?.Trim(), clock, audit, actorId: actorId);
        return SaveAsync(item, ct);
    }

    public Task<ItemInstanceDto> StartSpecialProcedureAsync(ItemInstance item, string actor, StartSpecialProcedureRequest request, CancellationToken ct)
    {
        var procedure = item.StartSpecialProcedure((SpecialProcedureType)(request.Type ?? 0), request.Reason, request.PlannedWorkingDays ?? 0, clock.GetUtcNow());
        db.SpecialProcedures.Add(procedure);
        db.RecordTransition(item, actor, item.DepartmentName, $"{procedure.Type.ChineseName()}：{procedure.Reason}", clock, audit);
        return SaveAsync(item, ct);
    }

    public async Task<ItemInstanceDto> EndSpecialProcedureAsync(ItemInstance item, string actor, EndSpecialProcedureRequest request, CancellationToken ct)
    {
        var open = await db.SpecialProcedures.FirstOrDefaultAsync(p => p.ItemInstanceId == item.Id && p.EndedAt == null, ct);
        item.EndSpecialProcedure(open, request.Result, clock.GetUtcNow());
        db.RecordTransition(item, actor, item.DepartmentName, item.Status.ChineseName() + "：" + open!.Result, clock, audit);
        return await SaveAsync(item, ct);
    }

    /// <summary>
    /// 补正（开始）: the department's complete list of what is missing; the clock pauses. The list reaches the applicant's
    /// timeline (the status event) and Intake, where the applicant answers it with corrected files.
    /// </summary>
    public async Task<ItemInstanceDto> StartCorrectionAsync(ItemInstance item, string actor, StartCorrectionRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var correction = item.StartCorrection(request.Entries?.Select(e => (e?.Material, e?.Problem)).ToList(), request.Due, calendar.LocalDate(now), actor, now);
        db.ItemCorrections.Add(correction);
        var due = correction.Due is { } d ? $"（请于{d:yyyy-MM-dd}前补正）" : "";
        db.RecordTransition(item, actor, item.DepartmentName, $"补正告知（共{correction.Entries.Count}项）：{correction.Summary()}{due}", clock, audit);
        var stage = await db.Stages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == item.StageInstanceId, ct);
        db.AddOutboxEvent(new ItemCorrectionRequested(correction.Id, item.Id, item.ApplicationId, item.RegionCode, stage?.ApplicantId ?? item.HolderId,
            item.ProjectName, item.ItemCode, item.ItemName, item.DepartmentName,
            correction.Entries.Select(e => new ItemCorrectionEntry(e.Material, e.Problem)).ToList(), correction.Due, actor, now), item.Id.ToString(), clock);
        return await SaveAsync(item, ct);
    }

    /// <summary>办结 in its three forms; an ordered item only after its earlier item concluded; then the stage's milestone rule.</summary>
    public async Task<ItemInstanceDto> ConcludeAsync(ItemInstance item, string actor, ConcludeRequest request, CancellationToken ct)
    {
        if (request.Approved is null) throw ValidationException.For("approved", "is required (true or false)", "必须说明是否通过");
        // Departments conclude the items of one stage at the same moment: the stage row is locked first, so each
        // conclusion sees the others' committed outcome (the last one concludes the stage, exactly once) and no
        // department is told "changed by someone else" about a stage it did not touch. Idempotent inbound calls
        // bring their own transaction.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM stage_instances WHERE "Id" = {item.StageInstanceId} FOR UPDATE""", ct);
        item.EnsureMayDecide(await EarlierAsync(item, ct));
        if (request.Approved == true) await db.EnsureReviewPassedAsync(item, ct);
        else if (request.Content is { Count: > 0 })
            throw ValidationException.For("content", "certificate content goes with an approval only", "证照照面信息仅在办结（通过）时填写");
        var now = clock.GetUtcNow();
        // 照面信息 checked (and corrected) before anything changes: a missing required value or a bad one is a 400 naming it.
        var contentChanges = request.Approved == true && (item.LicenceContent is not null || request.Content is { Count: > 0 })
            ? item.ReviseLicenceContent(request.Content) : [];
        if (contentChanges.Count > 0) db.RecordNote(item, actor, item.DepartmentName, $"照面信息核对更正：{string.Join("；", contentChanges)}", clock, audit);
        var today = calendar.LocalDate(now);
        if (request.MaterialsToFollow is { Count: > 0 } || request.MaterialsDue is not null)
        {
            if (request.Approved != true)
                throw ValidationException.For("materialsToFollow", "materials to follow go with an approval only", "容缺后补材料仅适用于通过的办结");
            item.ConcludeWithMaterialsToFollow(request.Opinion, request.MaterialsToFollow, request.MaterialsDue, today, now);
        }
        else if (item.NotificationCommitment && request.Approved == true)
        {
            item.ConcludeOnCommitment(request.Opinion, request.Commitment, request.CommitmentDue, today, now);
        }
        else
        {
            if (request.Commitment is not null)
                throw ValidationException.For("commitment", "only an approved notification-commitment item is decided on a commitment", "仅告知承诺制事项通过时可依承诺办结");
            item.Conclude(request.Approved.Value, request.Opinion, now);
        }
        if (request.CertificateReference is not null) item.RecordCertificate(request.CertificateReference);
        var opinion = item.MaterialsDue is { } due ? $"{item.Opinion}（容缺后补：{string.Join("、", item.MaterialsToFollow)}，期限{due:yyyy-MM-dd}）"
            : item.CommitmentDue is { } by ? $"{item.Opinion}（告知承诺：{item.Commitment}，履行期限{by:yyyy-MM-dd}）"
            : item.Opinion;
        db.RecordTransition(item, actor, item.DepartmentName, opinion, clock, audit);
        await db.ConcludeStageIfDueAsync(item, clock, audit, ct);
        var concluded = await SaveAsync(item, ct);
        if (own is not null) await own.CommitAsync(ct);
        return concluded;
    }

    public async Task<ItemInstanceDto> RecordKeyStepAsync(ItemInstance item, string actor, string? note, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(note) || note.Length > 1000) throw ValidationException.For("note", "1–1000 characters", "关键环节说明应为1至1000个字符");
        if (ItemStateMachine.IsConclusion(item.Status) || item.Status is ProcessingStatus.Revoked or ProcessingStatus.Recalled)
            throw new InvalidTransitionException("Item instance 事项实例", item.Status, item.Status);
        if (await db.Steps.CountAsync(s => s.ItemInstanceId == item.Id, ct) >= StoreLimits.StepsPerItem) throw StoreLimits.StepsFull();
        db.RecordNote(item, actor, item.DepartmentName, $"关键环节：{note.Trim()}", clock, audit);
        return await SaveAsync(item, ct);
    }

    public Task<ItemInstanceDto> RecordCertificateAsync(ItemInstance item, string actor, string? reference, CancellationToken ct)
    {
        item.RecordCertificate(reference);
        db.RecordNote(item, actor, item.DepartmentName, $"结果证照：{item.CertificateReference}", clock, audit);
        return SaveAsync(item, ct);
    }

    public Task<ItemInstanceDto> VerifyCommitmentAsync(ItemInstance item, string actor, VerifyCommitmentRequest request, CancellationToken ct)
    {
        if (request.Fulfilled is null) throw ValidationException.For("fulfilled", "is required (true or false)", "必须说明承诺是否履行");
        item.VerifyCommitment(request.Fulfilled.Value, request.Note, clock.GetUtcNow());
        var note = request.Fulfilled.Value ? "告知承诺核查：已履行" : $"告知承诺核查：未履行（{item.CommitmentVerification}）";
        db.RecordNote(item, actor, item.DepartmentName, note, clock, audit);
        return SaveAsync(item, ct);
    }

    public Task<ItemInstanceDto> RevokeAsync(ItemInstance item, string actor, RevokeRequest request, CancellationToken ct)
    {
        item.Revoke(request.Reason, clock.GetUtcNow());
        db.RecordTransition(item, actor, item.DepartmentName, item.RevocationReason, clock, audit);
        return SaveAsync(item, ct);
    }

    /// <summary>撤回: the department recalls its decision within the region's grace period; a concluded stage reopens.</summary>
    public async Task<ItemInstanceDto> RecallAsync(ItemInstance item, string actor, RecallRequest request, CancellationToken ct)
    {
        // The stage row is locked as for a conclusion: a recall and another item's conclusion see each other's outcome.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM stage_instances WHERE "Id" = {item.StageInstanceId} FOR UPDATE""", ct);
        var wasApproved = item.Recall(request.Reason, region.RecallGrace, clock.GetUtcNow());
        db.RecordTransition(item, actor, item.DepartmentName, $"撤回办结决定：{item.RecallReason}", clock, audit, wasApproved);
        await db.ReopenStageAsync(item, clock, audit, ct);
        var recalled = await SaveAsync(item, ct);
        if (own is not null) await own.CommitAsync(ct);
        return recalled;
    }

    public Task<ItemInstanceDto> HandInMaterialsAsync(ItemInstance item, string actor, string organisation, HandInMaterialsRequest request, CancellationToken ct)
    {
        var fresh = item.HandInMaterials(request.Materials, clock.GetUtcNow());
        var note = $"补交容缺材料：{(fresh.Count > 0 ? string.Join("、", fresh) : "（均已补交过）")}" + (item.MaterialsCompletedAt is null ? "" : "；容缺材料已全部补齐");
        db.RecordNote(item, actor, organisation, note, clock, audit);
        return SaveAsync(item, ct);
    }

    /// <summary>The earlier item of an ordered item within its stage instance (null when it has none there).</summary>
    private async Task<ItemInstance?> EarlierAsync(ItemInstance item, CancellationToken ct) =>
        item.AfterItemCode is null ? null
            : await db.Items.FirstOrDefaultAsync(i => i.StageInstanceId == item.StageInstanceId && i.ItemCode == item.AfterItemCode, ct);

    private async Task<ItemInstanceDto> SaveAsync(ItemInstance item, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        return await views.ToDtoAsync(item, ct);
    }
}
