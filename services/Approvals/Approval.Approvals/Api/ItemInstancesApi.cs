using Approval.Calendar;
using Approval.Approvals.Data;
using Approval.Approvals.Domain;

namespace Approval.Approvals.Api;

/// <summary>A department's work on the item instances routed to it. A department sees only its own.</summary>
public static class ItemInstancesApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/approvals/items").WithTags("Item instances").RequireAuthorization(Roles.Department);
        api.MapGet("/", List).WithSummary("Items routed to my department / 本部门待办事项");
        api.MapGet("/{id:guid}", Get).WithSummary("One item instance / 事项实例");
        api.MapGet("/{id:guid}/steps", Steps).WithSummary("Its process steps / 办理过程");
        api.MapPost("/{id:guid}/start", Start).WithSummary("部门开始办理");
        api.MapPost("/{id:guid}/conclude", Conclude).WithSummary("办结（通过）/（容缺通过）/（不通过）");
        api.MapPost("/{id:guid}/corrections", StartCorrection)
            .WithSummary("补正（开始）: the complete list of what is missing; the clock pauses until the applicant answers / 一次性告知补正");
        api.MapPost("/{id:guid}/special-procedures", StartSpecialProcedure).WithSummary("特别程序（开始）: the clock pauses");
        api.MapPost("/{id:guid}/special-procedures/end", EndSpecialProcedure).WithSummary("特别程序（结束）: the clock resumes");
        api.MapPost("/{id:guid}/commitment/verification", VerifyCommitment).WithSummary("Verify the applicant's commitment / 告知承诺核查");
        api.MapPost("/{id:guid}/revoke", Revoke).WithSummary("撤销 an approval, with the reason");
        api.MapPost("/{id:guid}/recall", Recall).WithSummary("撤回 my department's decision within the region's grace period, with the reason; the item is decided anew");
        api.MapPost("/{id:guid}/steps", KeyStep).WithSummary("Record a key step (关键环节) without a status change / 记录关键环节");
        api.MapPost("/{id:guid}/certificate", Certificate).WithSummary("Record the result certificate's reference / 登记结果证照");
        app.MapGet("/api/approvals/follow-ups", FollowUps).WithTags("Item instances").RequireAuthorization(Roles.Department)
            .WithSummary("Follow-up tasks: commitments unfulfilled or overdue, owed materials overdue / 后续跟踪任务");
    }

    private static async Task<Ok<List<ItemInstanceDto>>> List(int? status, Guid? applicationId, ClaimsPrincipal user, ApprovalsDbContext db, ItemViews views, CancellationToken ct)
    {
        var (department, region) = (user.OrganisationCode(), user.RegionCode());
        var query = db.Items.AsNoTracking().Where(i => i.DepartmentCode == department && i.RegionCode == region);
        if (status is not null) query = query.Where(i => (int)i.Status == status);
        if (applicationId is not null) query = query.Where(i => i.ApplicationId == applicationId);
        var items = await query.OrderBy(i => i.AcceptedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(await views.ToDtosAsync(items, ct));
    }

    private static async Task<Ok<ItemInstanceDto>> Get(Guid id, ClaimsPrincipal user, ApprovalsDbContext db, ItemViews views, IAuditLog audit, CancellationToken ct) =>
        TypedResults.Ok(await views.ToDtoAsync(await FindOwnAsync(db, id, user, audit, ct), ct));

    private static async Task<Ok<List<ItemStepDto>>> Steps(Guid id, ClaimsPrincipal user, ApprovalsDbContext db, IAuditLog audit, CancellationToken ct)
    {
        await FindOwnAsync(db, id, user, audit, ct);
        return TypedResults.Ok(await db.Steps.AsNoTracking().Where(s => s.ItemInstanceId == id).OrderBy(s => s.OccurredAt).ThenBy(s => s.Id)
            .Select(s => new ItemStepDto(s.StatusCode, s.StatusName, s.Actor, s.Organisation, s.Opinion, s.OccurredAt)).ToListAsync(ct));
    }

    private static async Task<Ok<ItemInstanceDto>> Start(
        Guid id, StartRequest? request, ClaimsPrincipal user, ItemCommands commands, [AsParameters] ApprovalsServices s, CancellationToken ct) =>
        TypedResults.Ok(await commands.StartAsync(await FindOwnAsync(s.Db, id, user, s.Audit, ct), user.DisplayName(), request?.Opinion, ct, user.UserId()));

    private static async Task<Ok<ItemInstanceDto>> StartCorrection(
        Guid id, StartCorrectionRequest request, ClaimsPrincipal user, ItemCommands commands, [AsParameters] ApprovalsServices s, CancellationToken ct) =>
        TypedResults.Ok(await commands.StartCorrectionAsync(await FindOwnAsync(s.Db, id, user, s.Audit, ct), user.DisplayName(), request, ct));

    private static async Task<Ok<ItemInstanceDto>> StartSpecialProcedure(
        Guid id, StartSpecialProcedureRequest request, ClaimsPrincipal user, ItemCommands commands, [AsParameters] ApprovalsServices s,
        CancellationToken ct) =>
        TypedResults.Ok(await commands.StartSpecialProcedureAsync(await FindOwnAsync(s.Db, id, user, s.Audit, ct), user.DisplayName(), request, ct));

    private static async Task<Ok<ItemInstanceDto>> EndSpecialProcedure(
        Guid id, EndSpecialProcedureRequest request, ClaimsPrincipal user, ItemCommands commands, [AsParameters] ApprovalsServices s,
        CancellationToken ct) =>
        TypedResults.Ok(await commands.EndSpecialProcedureAsync(await FindOwnAsync(s.Db, id, user, s.Audit, ct), user.DisplayName(), request, ct));

    private static async Task<Ok<ItemInstanceDto>> Conclude(
        Guid id, ConcludeRequest request, ClaimsPrincipal user, ItemCommands commands, [AsParameters] ApprovalsServices s, CancellationToken ct) =>
        TypedResults.Ok(await commands.ConcludeAsync(await FindOwnAsync(s.Db, id, user, s.Audit, ct), user.DisplayName(), request, ct));

    private static async Task<Ok<ItemInstanceDto>> VerifyCommitment(
        Guid id, VerifyCommitmentRequest request, ClaimsPrincipal user, ItemCommands commands, [AsParameters] ApprovalsServices s,
        CancellationToken ct) =>
        TypedResults.Ok(await commands.VerifyCommitmentAsync(await FindOwnAsync(s.Db, id, user, s.Audit, ct), user.DisplayName(), request, ct));

    private static async Task<Ok<ItemInstanceDto>> Revoke(
        Guid id, RevokeRequest request, ClaimsPrincipal user, ItemCommands commands, [AsParameters] ApprovalsServices s, CancellationToken ct) =>
        TypedResults.Ok(await commands.RevokeAsync(await FindOwnAsync(s.Db, id, user, s.Audit, ct), user.DisplayName(), request, ct));

    private static async Task<Ok<ItemInstanceDto>> Recall(
        Guid id, RecallRequest request, ClaimsPrincipal user, ItemCommands commands, [AsParameters] ApprovalsServices s, CancellationToken ct) =>
        TypedResults.Ok(await commands.RecallAsync(await FindOwnAsync(s.Db, id, user, s.Audit, ct), user.DisplayName(), request, ct));

    private static async Task<Ok<ItemInstanceDto>> KeyStep(
        Guid id, KeyStepRequest request, ClaimsPrincipal user, ItemCommands commands, [AsParameters] ApprovalsServices s, CancellationToken ct) =>
        TypedResults.Ok(await commands.RecordKeyStepAsync(await FindOwnAsync(s.Db, id, user, s.Audit, ct), user.DisplayName(), request.Note, ct));

    private static async Task<Ok<ItemInstanceDto>> Certificate(
        Guid id, CertificateRequest request, ClaimsPrincipal user, ItemCommands commands, [AsParameters] ApprovalsServices s, CancellationToken ct) =>
        TypedResults.Ok(await commands.RecordCertificateAsync(await FindOwnAsync(s.Db, id, user, s.Audit, ct), user.DisplayName(), request.Reference, ct));

    /// <summary>
    /// The department's follow-up tasks: approvals on a commitment found unfulfilled or not checked by its deadline, and
    /// 容缺 approvals whose owed materials are overdue.
    /// </summary>
    private static async Task<Ok<List<FollowUpDto>>> FollowUps(ClaimsPrincipal user, ApprovalsDbContext db, WorkingCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var (department, region) = (user.OrganisationCode(), user.RegionCode());
        var today = calendar.LocalDate(clock.GetUtcNow());
        var candidates = await db.Items.AsNoTracking()
            .Where(i => i.DepartmentCode == department && i.RegionCode == region)
            .Where(i => (i.Status == ProcessingStatus.Approved && i.Commitment != null && (i.CommitmentFulfilled == false || (i.CommitmentFulfilled == null && i.CommitmentDue < today)))
                || (i.Status == ProcessingStatus.ApprovedWithMaterialsToFollow && i.MaterialsCompletedAt == null && i.MaterialsDue < today))
            .OrderBy(i => i.ConcludedAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(candidates.Select(i => (Item: i, Reason: i.FollowUp(today))).Where(x => x.Reason is not null)
            .Select(x => new FollowUpDto(x.Item.Id, x.Item.ApplicationId, x.Item.ItemCode, x.Item.ItemName, x.Item.ProjectName, x.Item.Holder,
                (int)x.Reason!.Value, x.Reason.Value.ChineseName(), x.Item.Commitment is null ? x.Item.MaterialsDue : x.Item.CommitmentDue,
                x.Item.Status.Code(), x.Item.Status.ChineseName())).ToList());
    }

    /// <summary>An item routed to another department, or of another region, answers 404, as if it did not exist.</summary>
    private static async Task<ItemInstance> FindOwnAsync(ApprovalsDbContext db, Guid id, ClaimsPrincipal user, IAuditLog audit, CancellationToken ct)
    {
        var item = await db.Items.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("Item instance 事项实例", id.ToString());
        if (item.DepartmentCode != user.OrganisationCode() || !user.InRegion(item.RegionCode))
        {
            await audit.DenyAsync("item-instance", id.ToString(), $"routed to {item.DepartmentCode} in {item.RegionCode}", ct, item.RegionCode);
            throw new NotFoundException("Item instance 事项实例", id.ToString());
        }
        return item;
    }
}
