using Approval.Contracts.Codes;
using Approval.Intake.Data;
using Approval.Intake.Domain;
using Approval.Messaging;
using static Approval.Intake.Api.ApplicationAccess;

namespace Approval.Intake.Api;

/// <summary>Applications and the window's decisions and the progress view .</summary>
public static class ApplicationsApi
{
    public static RouteGroupBuilder Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/applications").WithTags("Applications").RequireAuthorization();
        api.MapPost("/", Submit).RequireAuthorization(Roles.Applicant).WithSummary("Submit a stage application online / 网上申报（接件）");
        api.MapPost("/counter", SubmitAtCounter).RequireAuthorization(Roles.Window)
            .WithSummary("接件 of a counter or mailed submission, entered by the window / 窗口或邮寄接件");
        api.MapGet("/", List).RequireAuthorization(Roles.Window)
            .WithSummary("The window's queue (?status=, ?notApproved=true: applications with an item concluded 不通过); each names its items concluded 不通过 / 窗口待办");
        api.MapGet("/mine", Mine).RequireAuthorization(Roles.Applicant).WithSummary("My applications / 我的申请");
        api.MapGet("/{id:guid}", Get).WithSummary("One application / 申请详情");
        api.MapGet("/{id:guid}/progress", Progress).WithSummary("Timeline of the application and its items / 办理进度");
        api.MapPost("/{id:guid}/accept", Accept).RequireAuthorization(Roles.Window).WithSummary("受理");
        api.MapPost("/{id:guid}/refuse", Refuse).RequireAuthorization(Roles.Window).WithSummary("不予受理 (reason required)");
        api.MapPost("/{id:guid}/reject-out-of-scope", RejectOutOfScope).RequireAuthorization(Roles.Window).WithSummary("不受理 (reason required)");
        api.MapPost("/{id:guid}/withdraw", Withdraw).RequireAuthorization(Roles.Applicant).WithSummary("撤件 by the applicant");
        return api;
    }

    private static async Task<Created<ApplicationDto>> Submit(
        SubmitApplicationRequest request, ClaimsPrincipal user, IntakeDbContext db, ApplicationSubmission submission, CancellationToken ct)
    {
        var applicant = new Applicant(user.UserId(), user.DisplayName(), user.FindFirstValue(ApprovalClaims.PhoneNumber));
        var application = await submission.ReceiveAsync(request, applicant, AcceptanceChannel.Web, user, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/intake/applications/{application.Id}", ToDto(application));
    }

    private static async Task<Created<ApplicationDto>> SubmitAtCounter(
        CounterApplicationRequest request, ClaimsPrincipal user, IntakeDbContext db, ApplicationSubmission submission, CancellationToken ct)
    {
        var channel = request.Channel switch { "counter" => AcceptanceChannel.Window, "mail" => AcceptanceChannel.Mail, _ => (AcceptanceChannel?)null };
        var errors = new FieldErrors()
            .Require(channel is not null, "channel", "must be counter or mail", "接件方式应为counter（窗口）或mail（邮寄）")
            .Require(!string.IsNullOrWhiteSpace(request.ApplicantId) && request.ApplicantId.Length <= 100, "applicantId", "is required (the applicant's account)", "必须填写申请人账号")
            .Require(!string.IsNullOrWhiteSpace(request.ApplicantName) && request.ApplicantName.Length <= 200, "applicantName", "is required, at most 200 characters", "申请人名称必填，最多200字");
        var mobile = string.IsNullOrWhiteSpace(request.ApplicantMobile) ? null : request.ApplicantMobile.Trim();
        errors.Require(mobile is null || MobileNumber.IsValid(mobile), "applicantMobile", "must be an 11-digit mainland mobile number starting with 13–19", "手机号码应为1开头的11位数字");
        errors.ThrowIfAny();
        var application = await submission.ReceiveAsync(
            new SubmitApplicationRequest(request.ProjectCode, request.ProjectName, request.StageNo, request.ItemCodes, request.Form, EngineeringCode: request.EngineeringCode, FlowCode: request.FlowCode),
            new Applicant(request.ApplicantId!.Trim(), request.ApplicantName!.Trim(), mobile), channel!.Value, user, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/intake/applications/{application.Id}", ToDto(application));
    }

    private static async Task<Ok<List<ApplicationDto>>> List(int? status, bool? notApproved, ClaimsPrincipal user, IntakeDbContext db, CancellationToken ct)
    {
        var region = user.RegionCode();
        var notApprovedCode = ProcessingStatus.NotApproved.Code();
        var query = db.Applications.AsNoTracking().Where(a => a.RegionCode == region);
        if (status is not null) query = query.Where(a => (int)a.Status == status);
        if (notApproved == true) query = query.Where(a => db.Progress.Any(p => p.ApplicationId == a.Id && p.ItemCode != null && p.StatusCode == notApprovedCode));
        var list = await query.OrderByDescending(a => a.ReceivedAt).Take(200).ToListAsync(ct);
        // an item concluded 不通过 shows in the queue at once (its timeline line arrives with the department's act).
        var ids = list.Select(a => a.Id).ToList();
        var refused = (await db.Progress.AsNoTracking().Where(p => ids.Contains(p.ApplicationId) && p.ItemCode != null && p.StatusCode == notApprovedCode)
            .Select(p => new { p.ApplicationId, p.Subject }).ToListAsync(ct)).ToLookup(p => p.ApplicationId, p => p.Subject);
        return TypedResults.Ok(list.Select(a => ToDto(a) with { NotApprovedItems = refused[a.Id].Distinct().ToList() }).ToList());
    }

    private static async Task<Ok<List<ApplicationDto>>> Mine(ClaimsPrincipal user, IntakeDbContext db, CancellationToken ct)
    {
        var me = user.UserId();
        var list = await db.Applications.AsNoTracking().Where(a => a.ApplicantId == me).OrderByDescending(a => a.ReceivedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(list.Select(ToDto).ToList());
    }

    private static async Task<Ok<ApplicationDto>> Get(Guid id, ClaimsPrincipal user, IntakeDbContext db, IAuditLog audit, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await FindVisibleAsync(db, id, user, audit, ct)));

    private static async Task<Ok<ProgressDto>> Progress(Guid id, ClaimsPrincipal user, IntakeDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var application = await FindVisibleAsync(db, id, user, audit, ct);
        var (timeline, licences) = await ApplicationTimeline.ReadAsync(db, id, ct);
        return TypedResults.Ok(new ProgressDto(ToDto(application), timeline, licences));
    }

    private static async Task<Ok<ApplicationDto>> Accept(Guid id, ClaimsPrincipal user, IntakeDbContext db, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var application = await FindAsync(db, id, user, audit, ct);
        var now = clock.GetUtcNow();
        application.Accept(now);
        db.Progress.Add(Entry(application, user, null, now));
        db.AddOutboxEvent(IntakeEvents.Accepted(application, user.DisplayName(), now), application.Id.ToString(), clock);
        Audit(audit, application);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(application));
    }

    private static Task<Ok<ApplicationDto>> Refuse(Guid id, DecisionRequest request, ClaimsPrincipal user, IntakeDbContext db, TimeProvider clock, IAuditLog audit, CancellationToken ct) =>
        RefuseAsync(id, user, db, clock, audit, request.Reason, (a, now) => a.Refuse(request.Reason, now), ct);

    private static Task<Ok<ApplicationDto>> RejectOutOfScope(Guid id, DecisionRequest request, ClaimsPrincipal user, IntakeDbContext db, TimeProvider clock, IAuditLog audit, CancellationToken ct) =>
        RefuseAsync(id, user, db, clock, audit, request.Reason, (a, now) => a.RejectOutOfScope(request.Reason, now), ct);

    /// <summary>不受理 / 不予受理: the decision, its timeline line with the reason, and ApplicationRefused, in one transaction.</summary>
    private static async Task<Ok<ApplicationDto>> RefuseAsync(
        Guid id, ClaimsPrincipal user, IntakeDbContext db, TimeProvider clock, IAuditLog audit, string? reason,
        Action<Domain.Application, DateTimeOffset> decide, CancellationToken ct)
    {
        var application = await FindAsync(db, id, user, audit, ct);
        var now = clock.GetUtcNow();
        decide(application, now);
        db.Progress.Add(Entry(application, user, reason?.Trim(), now));
        db.AddOutboxEvent(IntakeEvents.Refused(application, user.DisplayName(), now), application.Id.ToString(), clock);
        Audit(audit, application);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(application));
    }

    private static async Task<Ok<ApplicationDto>> Withdraw(Guid id, ClaimsPrincipal user, IntakeDbContext db, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var application = await FindOwnAsync(db, id, user, audit, ct);
        var now = clock.GetUtcNow();
        application.Withdraw(now);
        db.Progress.Add(Entry(application, user, null, now));
        Audit(audit, application);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(application));
    }
}
