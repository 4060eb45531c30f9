using Approval.Approvals.Data;
using Approval.Approvals.Domain;

namespace Approval.Approvals.Api;

/// <summary>A stage instance as its departments see it, and the consultations (会商) attached to it.</summary>
public static class StagesApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/approvals/stages/{stageId:guid}").WithTags("Stage instances").RequireAuthorization(Roles.Department);
        api.MapGet("/", Get).WithSummary("The stage instance: its items and consultations / 阶段实例");
        api.MapPost("/consultations", Open).WithSummary("Open a consultation with chosen departments / 发起会商");
        api.MapPost("/consultations/{id:guid}/answers", Answer).WithSummary("Answer a consultation / 答复会商");
        api.MapPost("/consultations/{id:guid}/conclusion", Conclude).WithSummary("Record the coordinated conclusion / 形成会商结论");
    }

    public sealed record StageItemDto(Guid Id, string ItemCode, string ItemName, string DepartmentCode, string DepartmentName, int StatusCode, string StatusName,
        bool Milestone = false, string? AfterItemCode = null);
    public sealed record ConsultationDto(Guid Id, string OpenedBy, string Topic, IReadOnlyList<string> InvitedDepartments,
        IReadOnlyList<ConsultationAnswer> Answers, string? Conclusion, DateTimeOffset OpenedAt, DateTimeOffset? ConcludedAt);
    public sealed record StageDto(Guid Id, Guid ApplicationId, int StageNo, string? ParallelInstanceCode, DateTimeOffset AcceptedAt,
        IReadOnlyList<StageItemDto> Items, IReadOnlyList<ConsultationDto> Consultations,
        int MilestoneRule = 1, int Status = 1, string StatusName = "办理中", bool? Approved = null, DateTimeOffset? ConcludedAt = null,
        string? ProjectCode = null, int? TimeLimitWorkingDays = null, ClockDto? Clock = null, string? ClockProblem = null);
    public sealed record OpenConsultationRequest(string? Topic, List<string>? Departments);
    public sealed record AnswerRequest(string? Opinion);
    public sealed record ConclusionRequest(string? Conclusion);

    private static async Task<Ok<StageDto>> Get(Guid stageId, ClaimsPrincipal user, ApprovalsDbContext db, ItemViews views, IAuditLog audit, CancellationToken ct)
    {
        var (stage, items) = await FindVisibleAsync(db, stageId, user, audit, ct);
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.StageInstanceId == stageId).OrderBy(c => c.OpenedAt).ToListAsync(ct);
        var stageClock = await views.StageClockAsync(stage, ct);
        return TypedResults.Ok(new StageDto(stage.Id, stage.ApplicationId, stage.StageNo, stage.ParallelInstanceCode, stage.AcceptedAt,
            items.Select(i => new StageItemDto(i.Id, i.ItemCode, i.ItemName, i.DepartmentCode, i.DepartmentName, i.Status.Code(), i.Status.ChineseName(),
                i.Milestone, i.AfterItemCode)).ToList(),
            consultations.Select(ToDto).ToList(), stage.MilestoneRule, (int)stage.Status, stage.Status.ChineseName(), stage.Approved, stage.ConcludedAt,
            stage.ProjectCode, stage.TimeLimitWorkingDays, stageClock.Clock, stageClock.Problem));
    }

    private static async Task<Created<ConsultationDto>> Open(
        Guid stageId, OpenConsultationRequest request, ClaimsPrincipal user, [AsParameters] ApprovalsServices s, CancellationToken ct)
    {
        var (_, items) = await FindVisibleAsync(s.Db, stageId, user, s.Audit, ct);
        if (request.Topic is { Length: > 2000 }) throw ValidationException.For("topic", "at most 2000 characters", "会商事项最多2000字");
        if (await s.Db.Consultations.CountAsync(c => c.StageInstanceId == stageId, ct) >= StoreLimits.ConsultationsPerStage) throw StoreLimits.ConsultationsFull();
        var consultation = Consultation.Open(stageId, user.OrganisationCode()!, request.Topic, request.Departments,
            items.Select(i => i.DepartmentCode).ToHashSet(), s.Clock.GetUtcNow());
        s.Db.Consultations.Add(consultation);
        s.Audit.Add(AuditActions.StateChange, "consultation", consultation.Id.ToString(), $"opened with {string.Join(",", consultation.InvitedDepartments)}", items[0].RegionCode);
        await s.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/approvals/stages/{stageId}", ToDto(consultation));
    }

    private static async Task<Ok<ConsultationDto>> Answer(
        Guid stageId, Guid id, AnswerRequest request, ClaimsPrincipal user, [AsParameters] ApprovalsServices s, CancellationToken ct)
    {
        var consultation = await FindAsync(s.Db, stageId, id, user, s.Audit, ct);
        consultation.Answer(user.OrganisationCode()!, request.Opinion, s.Clock.GetUtcNow());
        s.Audit.Add(AuditActions.StateChange, "consultation", id.ToString(), "answered", user.RegionCode());
        await s.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(consultation));
    }

    private static async Task<Ok<ConsultationDto>> Conclude(
        Guid stageId, Guid id, ConclusionRequest request, ClaimsPrincipal user, [AsParameters] ApprovalsServices s, CancellationToken ct)
    {
        var consultation = await FindAsync(s.Db, stageId, id, user, s.Audit, ct);
        consultation.Conclude(user.OrganisationCode()!, request.Conclusion, s.Clock.GetUtcNow());
        s.Audit.Add(AuditActions.StateChange, "consultation", id.ToString(), "concluded", user.RegionCode());
        await s.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(consultation));
    }

    /// <summary>Only departments of the region with an item in the stage see it; others get 404 (and an audit record).</summary>
    private static async Task<(StageInstance Stage, List<ItemInstance> Items)> FindVisibleAsync(
        ApprovalsDbContext db, Guid stageId, ClaimsPrincipal user, IAuditLog audit, CancellationToken ct)
    {
        var stage = await db.Stages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId, ct)
            ?? throw new NotFoundException("Stage instance 阶段实例", stageId.ToString());
        var items = await db.Items.AsNoTracking().Where(i => i.StageInstanceId == stageId).OrderBy(i => i.ItemCode).ToListAsync(ct);
        if (!user.InRegion(stage.RegionCode) || items.All(i => i.DepartmentCode != user.OrganisationCode()))
        {
            await audit.DenyAsync("stage-instance", stageId.ToString(), "no item of the stage is routed to the caller's department", ct, stage.RegionCode);
            throw new NotFoundException("Stage instance 阶段实例", stageId.ToString());
        }
        return (stage, items);
    }

    private static async Task<Consultation> FindAsync(ApprovalsDbContext db, Guid stageId, Guid id, ClaimsPrincipal user, IAuditLog audit, CancellationToken ct)
    {
        await FindVisibleAsync(db, stageId, user, audit, ct);
        return await db.Consultations.FirstOrDefaultAsync(c => c.Id == id && c.StageInstanceId == stageId, ct)
            ?? throw new NotFoundException("Consultation 会商", id.ToString());
    }

    internal static ConsultationDto ToDto(Consultation c) =>
        new(c.Id, c.OpenedBy, c.Topic, c.InvitedDepartments, c.Answers, c.Conclusion, c.OpenedAt, c.ConcludedAt);
}
