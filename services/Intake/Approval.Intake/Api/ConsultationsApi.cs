using Approval.Intake.Data;
using Approval.Intake.Domain;
using Approval.ServiceDefaults.Region;
using Microsoft.Extensions.Options;
using static Approval.Intake.Api.ApplicationAccess;

namespace Approval.Intake.Api;

/// <summary>
/// 受理前征求意见 (optional acceptance consultation): before deciding, the window asks chosen departments of its region
/// for their opinion; each department (organisation from its token) answers once; the window sees every answer.
/// </summary>
public static class ConsultationsApi
{
    public sealed record AskRequest(string? Question, List<string>? Departments);
    public sealed record AnswerRequest(string? Opinion);
    public sealed record ConsultationDto(
        Guid Id, Guid ApplicationId, string ProjectName, string StageName, string DepartmentCode, string Question, string AskedBy, DateTimeOffset AskedAt,
        string? Opinion, string? AnsweredBy, DateTimeOffset? AnsweredAt);

    public static void Map(IEndpointRouteBuilder app, RouteGroupBuilder applications)
    {
        applications.MapPost("/{id:guid}/consultations", Ask).RequireAuthorization(Roles.Window)
            .WithSummary("Ask departments for an opinion before acceptance / 受理前征求部门意见");
        applications.MapGet("/{id:guid}/consultations", ForApplication).RequireAuthorization(Roles.Window)
            .WithSummary("The opinions asked for and given on an application / 征求意见及答复");
        var api = app.MapGroup("/api/intake/consultations").WithTags("Acceptance consultation").RequireAuthorization(Roles.Department);
        api.MapGet("/", ForDepartment).WithSummary("Consultations addressed to my department; ?open=true for unanswered / 本部门待答复的征求意见");
        api.MapPost("/{consultationId:guid}/answer", Answer).WithSummary("Answer a consultation, once / 答复征求意见");
    }

    private static async Task<Created<List<ConsultationDto>>> Ask(Guid id, AskRequest request, ClaimsPrincipal user, DeploymentRegion region, [AsParameters] IntakeServices s, CancellationToken ct)
    {
        var application = await FindAsync(s.Db, id, user, s.Audit, ct);
        var departments = (request.Departments ?? []).Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()).Distinct().ToList();
        var known = region.Departments.Where(d => d.IsDepartment).Select(d => d.Code).ToHashSet();
        var unknown = departments.Where(d => !known.Contains(d)).ToList();
        new FieldErrors()
            .Require(!string.IsNullOrWhiteSpace(request.Question) && request.Question.Length <= 2000, "question", "is required, at most 2000 characters", "征求意见事由必填，最多2000字")
            .Require(departments.Count > 0, "departments", "name at least one department", "至少选择一个部门")
            .Require(unknown.Count == 0, "departments", $"not departments of this region: {string.Join(", ", unknown)}", $"不是本地区的部门：{string.Join("、", unknown)}")
            .ThrowIfAny();
        application.EnsureUndecided("Consultation", "征求意见");
        var now = s.Clock.GetUtcNow();
        var rows = departments.Select(d => new AcceptanceConsultation
        {
            Id = Guid.CreateVersion7(now), ApplicationId = id, RegionCode = application.RegionCode, DepartmentCode = d,
            Question = request.Question!.Trim(), AskedBy = user.DisplayName(), AskedAt = now,
        }).ToList();
        var max = s.Limits.Value.ConsultationsPerApplication;
        await using var tx = await s.Db.Database.BeginTransactionAsync(ct);
        await IntakeLimits.EnsureRoomAsync(s.Db, $"consultations:{id}", c => s.Db.Consultations.CountAsync(x => x.ApplicationId == id, c), rows.Count, max,
            $"An application may have at most {max} consultations.", $"每件申请最多征求{max}次部门意见。", ct);
        s.Db.Consultations.AddRange(rows);
        s.Audit.Add(AuditActions.StateChange, "application", id.ToString(), $"征求意见：{string.Join("、", departments)}", application.RegionCode);
        await s.Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/intake/applications/{id}/consultations", rows.Select(r => ToDto(r, application)).ToList());
    }

    private static async Task<Ok<List<ConsultationDto>>> ForApplication(Guid id, ClaimsPrincipal user, IntakeDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var application = await FindAsync(db, id, user, audit, ct);
        var rows = await db.Consultations.AsNoTracking().Where(c => c.ApplicationId == id).OrderBy(c => c.AskedAt).ThenBy(c => c.DepartmentCode).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => ToDto(r, application)).ToList());
    }

    private static async Task<Ok<List<ConsultationDto>>> ForDepartment(bool? open, ClaimsPrincipal user, IntakeDbContext db, CancellationToken ct)
    {
        var (org, region) = (user.OrganisationCode(), user.RegionCode());
        var query = db.Consultations.AsNoTracking().Where(c => c.DepartmentCode == org && c.RegionCode == region);
        if (open == true) query = query.Where(c => c.AnsweredAt == null);
        var rows = await query.OrderByDescending(c => c.AskedAt).Take(200)
            .Join(db.Applications.AsNoTracking(), c => c.ApplicationId, a => a.Id, (c, a) => new { c, a }).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => ToDto(r.c, r.a)).ToList());
    }

    private static async Task<Ok<ConsultationDto>> Answer(
        Guid consultationId, AnswerRequest request, ClaimsPrincipal user, [AsParameters] IntakeServices s, CancellationToken ct)
    {
        var row = await s.Db.Consultations.FirstOrDefaultAsync(c => c.Id == consultationId, ct);
        if (row is null || row.DepartmentCode != user.OrganisationCode() || !user.InRegion(row.RegionCode))
        {
            if (row is not null) await s.Audit.DenyAsync("acceptance-consultation", consultationId.ToString(), "not the consulted department", ct, row.RegionCode);
            throw new NotFoundException("Consultation 征求意见", consultationId.ToString());
        }
        row.Answer(request.Opinion, $"{user.DisplayName()}（{row.DepartmentCode}）", s.Clock.GetUtcNow());
        s.Audit.Add(AuditActions.StateChange, "acceptance-consultation", row.Id.ToString(), "answered 已答复", row.RegionCode);
        await s.Db.SaveChangesAsync(ct);
        var application = await s.Db.Applications.AsNoTracking().FirstAsync(a => a.Id == row.ApplicationId, ct);
        return TypedResults.Ok(ToDto(row, application));
    }

    private static ConsultationDto ToDto(AcceptanceConsultation c, Domain.Application a) => new(
        c.Id, c.ApplicationId, a.ProjectName, a.StageName, c.DepartmentCode, c.Question, c.AskedBy, c.AskedAt, c.Opinion, c.AnsweredBy, c.AnsweredAt);
}
