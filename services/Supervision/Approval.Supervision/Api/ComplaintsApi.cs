using Approval.Calendar;
using Approval.ServiceDefaults.Options;
using Approval.ServiceDefaults.Region;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Approval.Supervision.Jobs;
using Microsoft.Extensions.Options;

namespace Approval.Supervision.Api;

/// <summary>
/// /api/supervision/complaints (建议投诉, R-11.2): anyone signed in submits a suggestion or complaint about a department of
/// the region; it is routed to that department, which answers (答复) by the deadline; the submitter sees their own and is
/// told of the answer. A complaint outside the caller's reach does not exist for them (404, audited).
/// </summary>
public static class ComplaintsApi
{
    public const string Handlers = "complaint-handlers";

    public static IHostApplicationBuilder AddComplaints(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SupervisionOptions>().Validate(o => o.Complaints is { AnswerWorkingDays: > 0, EscalationBatch: > 0 }
            && o.Complaints.EscalationInterval > TimeSpan.Zero, "Approval:Supervision:Complaints: every setting must be greater than zero");
        builder.Services.AddScoped<ComplaintNotices>();
        builder.Services.AddScoped<ComplaintEscalationRound>();
        builder.Services.AddHostedService<ComplaintEscalationJob>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(Handlers, p => p.RequireRole(Roles.Department, Roles.DepartmentLead));
        return builder;
    }

    public static void Map(RouteGroupBuilder api)
    {
        var signedIn = api.MapGroup("/complaints").RequireAuthorization();
        signedIn.MapPost("", Submit).WithSummary("Submit a suggestion or complaint about a department / 提交建议或投诉");
        signedIn.MapGet("/mine", Mine).WithSummary("The caller's own suggestions and complaints / 我的建议投诉");
        signedIn.MapGet("/{id:guid}", Get).WithSummary("One suggestion or complaint (its submitter, department or supervisors) / 建议投诉详情");
        var handlers = api.MapGroup("/complaints").RequireAuthorization(Handlers).AddEndpointFilter<LeadDirectoryFilter>();
        handlers.MapGet("/department", Department).WithSummary("The caller's department's suggestions and complaints / 本部门建议投诉");
        handlers.MapPost("/{id:guid}/answer", Answer).WithSummary("答复: the department answers; the submitter is told / 答复建议投诉");
        ComplaintsOversightApi.Map(api);
    }

    private static async Task<Created<ComplaintDto>> Submit(ComplaintRequest? request, ClaimsPrincipal user, SupervisionDbContext db, DeploymentRegion region,
        WorkingCalendar calendar, ComplaintNotices notices, IAuditLog audit, IOptions<SupervisionOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Complaint.Validate(request?.Kind, request?.Title, request?.Text, request?.ItemCode, errors);
        var department = request?.DepartmentCode is { } code ? region.Department(code.Trim()) : null;
        errors.Require(department is { IsDepartment: true }, "departmentCode", "must be a department of the region", "须为本地区的审批部门");
        errors.ThrowIfAny();
        var now = clock.GetUtcNow();
        var today = calendar.LocalDate(now);
        var complaint = new Complaint
        {
            Id = Guid.CreateVersion7(now), RegionCode = region.Code, Kind = request!.Kind!, DepartmentCode = department!.Code, DepartmentName = department.Name,
            ItemCode = string.IsNullOrWhiteSpace(request.ItemCode) ? null : request.ItemCode.Trim(), ApplicationId = request.ApplicationId,
            Title = request.Title!.Trim(), Text = request.Text!.Trim(), SubmitterId = user.UserId(), SubmitterName = user.DisplayName(),
            SubmittedAt = now, SubmittedDate = today, Deadline = calendar.AddWorkingDays(today, options.Value.Complaints.AnswerWorkingDays),
        };
        db.Complaints.Add(complaint);
        await notices.ReceivedAsync(complaint, ct);
        audit.Add(AuditActions.StateChange, "complaint", complaint.Id.ToString(), $"{complaint.KindName} submitted to {complaint.DepartmentCode}", region.Code, user);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/supervision/complaints/{complaint.Id}", ComplaintDto.Of(complaint, today));
    }

    private static async Task<Ok<List<ComplaintDto>>> Mine(ClaimsPrincipal user, SupervisionDbContext db, SupervisionToday today, CancellationToken ct)
    {
        var id = user.UserId();
        var mine = await db.Complaints.AsNoTracking().Where(c => c.SubmitterId == id).OrderByDescending(c => c.SubmittedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(mine.Select(c => ComplaintDto.Of(c, today.Date)).ToList());
    }

    private static async Task<Ok<ComplaintDto>> Get(Guid id, ClaimsPrincipal user, SupervisionDbContext db, IAuditLog audit, SupervisionToday today,
        CancellationToken ct)
    {
        var complaint = await FindAsync(db, audit, id, user, c => c.SubmitterId == user.UserId() || Handles(user, c) || Oversees(user, c), ct);
        return TypedResults.Ok(ComplaintDto.Of(complaint, today.Date));
    }

    private static async Task<Ok<List<ComplaintDto>>> Department(string? state, ClaimsPrincipal user, SupervisionDbContext db, SupervisionToday today,
        CancellationToken ct)
    {
        var (region, department) = (user.RegionCode() ?? "", user.OrganisationCode() ?? "-");
        var list = db.Complaints.AsNoTracking().Where(c => c.RegionCode == region && c.DepartmentCode == department);
        list = ComplaintsOversightApi.ByState(list, state);
        var page = await list.OrderBy(c => c.AnsweredAt != null).ThenBy(c => c.Deadline).ThenByDescending(c => c.SubmittedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(page.Select(c => ComplaintDto.Of(c, today.Date)).ToList());
    }

    private static async Task<Ok<ComplaintDto>> Answer(Guid id, ComplaintAnswerRequest? request, ClaimsPrincipal user, SupervisionDbContext db,
        IAuditLog audit, ComplaintNotices notices, SupervisionToday today, TimeProvider clock, CancellationToken ct)
    {
        var complaint = await FindAsync(db, audit, id, user, c => Handles(user, c), ct);
        complaint.AnswerWith(request?.Answer, user.UserId(), user.DisplayName(), clock.GetUtcNow(), today.Date);
        notices.Answered(complaint);
        audit.Add(AuditActions.StateChange, "complaint", id.ToString(), $"answered by {user.DisplayName()}", complaint.RegionCode, user);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ComplaintDto.Of(complaint, today.Date));
    }

    /// <summary>Staff of the complaint's department (its approvers or lead) in its region.</summary>
    private static bool Handles(ClaimsPrincipal user, Complaint c) =>
        (user.IsInRole(Roles.Department) || user.IsInRole(Roles.DepartmentLead)) && user.InRegion(c.RegionCode) && user.OrganisationCode() == c.DepartmentCode;

    /// <summary>The region's supervisors and administrators.</summary>
    private static bool Oversees(ClaimsPrincipal user, Complaint c) =>
        (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.RegionAdmin)) && user.InRegion(c.RegionCode);

    private static async Task<Complaint> FindAsync(SupervisionDbContext db, IAuditLog audit, Guid id, ClaimsPrincipal user, Func<Complaint, bool> may,
        CancellationToken ct)
    {
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Complaint 建议投诉", id.ToString());
        if (may(complaint)) return complaint;
        await audit.DenyAsync("complaint", id.ToString(), "neither its submitter nor its department nor the region's supervisors", ct, complaint.RegionCode);
        throw new NotFoundException("Complaint 建议投诉", id.ToString());
    }
}
