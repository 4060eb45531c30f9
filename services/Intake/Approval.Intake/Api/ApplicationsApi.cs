using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Contracts;
using Approval.Contracts.Errors;
using Approval.Contracts.Events;
using Approval.Intake.Data;
using Approval.Intake.Domain;
using Approval.Messaging;
using Approval.ServiceDefaults.Audit;
using Approval.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Intake.Api;

/// <summary>Applications and the window's decisions (R-6.6, R-7.2, R-7.3) and the progress view (R-6.7).</summary>
public static class ApplicationsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/applications").WithTags("Applications").RequireAuthorization();
        api.MapPost("/", Submit).RequireAuthorization(Roles.Applicant).WithSummary("Submit a stage application / 申报（接件）");
        api.MapGet("/", List).RequireAuthorization(Roles.Window).WithSummary("The window's queue / 窗口待办");
        api.MapGet("/{id:guid}", Get).WithSummary("One application / 申请详情");
        api.MapGet("/{id:guid}/progress", Progress).WithSummary("Timeline of the application and its items / 办理进度");
        api.MapPost("/{id:guid}/accept", Accept).RequireAuthorization(Roles.Window).WithSummary("受理");
        api.MapPost("/{id:guid}/refuse", Refuse).RequireAuthorization(Roles.Window).WithSummary("不予受理 (reason required)");
        api.MapPost("/{id:guid}/reject-out-of-scope", RejectOutOfScope).RequireAuthorization(Roles.Window).WithSummary("不受理 (reason required)");
        api.MapPost("/{id:guid}/withdraw", Withdraw).RequireAuthorization(Roles.Applicant).WithSummary("撤件 by the applicant");
    }

    private static async Task<Created<ApplicationDto>> Submit(
        SubmitApplicationRequest request, ClaimsPrincipal user, IntakeDbContext db, CatalogClient catalog, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var region = await catalog.GetRegionAsync(ct);
        var errors = new FieldErrors();
        if (ProjectCode.Problem(request.ProjectCode, region.Code) is { } codeProblem) errors.Add("projectCode", codeProblem);
        errors.Require(!string.IsNullOrWhiteSpace(request.ProjectName) && request.ProjectName.Length <= 200,
            "projectName", "is required, at most 200 characters", "项目名称必填，最多200字");
        errors.Require(request.StageNo is not null, "stageNo", "is required", "审批阶段必填");
        errors.Require(request.Form is null || request.Form.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null,
            "form", "must be a JSON object", "表单数据必须是JSON对象");
        errors.ThrowIfAny();

        var stage = await catalog.GetStageAsync(request.StageNo!.Value, ct)
            ?? throw ValidationException.For("stageNo", $"stage {request.StageNo} is not in the catalog", $"目录中没有第{request.StageNo}阶段");
        var chosen = request.ItemCodes is { Count: > 0 } ? request.ItemCodes.Distinct().ToList() : stage.Items.Select(i => i.Code).ToList();
        var unknown = chosen.Where(c => stage.Items.All(i => i.Code != c)).ToList();
        if (unknown.Count > 0)
            throw ValidationException.For("itemCodes", $"not items of stage {stage.No}: {string.Join(", ", unknown)}", $"不属于该阶段的事项：{string.Join("、", unknown)}");

        var items = stage.Items.Where(i => chosen.Contains(i.Code)).Select(i => new ApplicationItem(
            i.Code, i.Name, i.Department.Code, i.Department.Name, i.Department.CreditCode, i.TimeLimitWorkingDays,
            i.LicenceTypeCode, i.LicenceName, i.Version)).ToList();
        var form = await ValidFormAsync(request, stage.No, items.Select(i => i.ItemCode), catalog, ct);
        var now = clock.GetUtcNow();
        var application = Domain.Application.Receive(region.Code, request.ProjectCode!, request.ProjectName!.Trim(),
            user.UserId(), user.DisplayName(), stage.No, stage.Name, form, items, now);
        db.Applications.Add(application);
        db.Progress.Add(Entry(application, user, null, now));
        Audit(audit, application);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/intake/applications/{application.Id}", ToDto(application));
    }

    /// <summary>
    /// The stage form (一张表单) checked against the schema the catalog serves for the chosen items, after filling in
    /// what the application already says (project code and name); every failing field is a 400 "form.&lt;field&gt;".
    /// </summary>
    private static async Task<string> ValidFormAsync(SubmitApplicationRequest request, int stageNo, IEnumerable<string> itemCodes, CatalogClient catalog, CancellationToken ct)
    {
        var schema = await catalog.GetStageFormAsync(stageNo, itemCodes, ct);
        var submitted = request.Form is { ValueKind: JsonValueKind.Object } f ? JsonNode.Parse(f.GetRawText())!.AsObject() : [];
        var known = new Dictionary<string, string> { ["project.code"] = request.ProjectCode!, ["project.name"] = request.ProjectName!.Trim() };
        var form = StageFormPrefill.Apply(schema, submitted, known);
        var errors = new FieldErrors();
        foreach (var (field, message) in StageFormValidator.Validate(schema, form)) errors.Add($"form.{field}", message);
        errors.ThrowIfAny();
        return form.ToJsonString(FormJson);
    }

    private static readonly JsonSerializerOptions FormJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    private static async Task<Ok<List<ApplicationDto>>> List(int? status, ClaimsPrincipal user, IntakeDbContext db, CancellationToken ct)
    {
        var region = user.RegionCode();
        var query = db.Applications.AsNoTracking().Where(a => a.RegionCode == region);
        if (status is not null) query = query.Where(a => (int)a.Status == status);
        var list = await query.OrderByDescending(a => a.ReceivedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(list.Select(ToDto).ToList());
    }

    private static async Task<Ok<ApplicationDto>> Get(Guid id, ClaimsPrincipal user, IntakeDbContext db, IAuditLog audit, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await FindVisibleAsync(db, id, user, audit, ct)));

    private static async Task<Ok<ProgressDto>> Progress(Guid id, ClaimsPrincipal user, IntakeDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var application = await FindVisibleAsync(db, id, user, audit, ct);
        var timeline = await db.Progress.AsNoTracking().Where(p => p.ApplicationId == id)
            .OrderBy(p => p.OccurredAt).ThenBy(p => p.Id)
            .Select(p => new ProgressEntryDto(p.OccurredAt, p.Subject, p.ItemCode, p.StatusCode, p.StatusName, p.Actor, p.Organisation, p.Opinion))
            .ToListAsync(ct);
        var licences = await db.Licences.AsNoTracking().Where(l => l.ApplicationId == id).OrderBy(l => l.ItemCode)
            .Select(l => new LicenceDto(l.Identifier, l.LicenceName, l.ItemCode, l.IssuerName, l.IssuedAt, l.RevokedAt, l.RevocationReason, l.ExpiredAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new ProgressDto(ToDto(application), timeline, licences));
    }

    private static async Task<Ok<ApplicationDto>> Accept(Guid id, ClaimsPrincipal user, IntakeDbContext db, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var application = await FindAsync(db, id, user, audit, ct);
        var now = clock.GetUtcNow();
        application.Accept(now);
        db.Progress.Add(Entry(application, user, null, now));
        db.AddOutboxEvent(new ApplicationAccepted(
            application.Id, application.RegionCode, application.ProjectCode, application.ProjectName,
            application.ApplicantId, application.ApplicantName, application.StageNo,
            application.Items.Select(i => new AcceptedItem(i.ItemCode, i.ItemName, i.DepartmentCode, i.DepartmentName,
                i.DepartmentCreditCode, i.TimeLimitWorkingDays, i.LicenceTypeCode, i.LicenceName)).ToList(),
            user.DisplayName(), now), application.Id.ToString(), clock);
        Audit(audit, application);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(application));
    }

    private static Task<Ok<ApplicationDto>> Refuse(Guid id, DecisionRequest request, ClaimsPrincipal user, IntakeDbContext db, TimeProvider clock, IAuditLog audit, CancellationToken ct) =>
        DecideAsync(id, user, db, clock, audit, request.Reason, (a, now) => a.Refuse(request.Reason, now), ct);

    private static Task<Ok<ApplicationDto>> RejectOutOfScope(Guid id, DecisionRequest request, ClaimsPrincipal user, IntakeDbContext db, TimeProvider clock, IAuditLog audit, CancellationToken ct) =>
        DecideAsync(id, user, db, clock, audit, request.Reason, (a, now) => a.RejectOutOfScope(request.Reason, now), ct);

    private static async Task<Ok<ApplicationDto>> Withdraw(Guid id, ClaimsPrincipal user, IntakeDbContext db, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        await FindVisibleAsync(db, id, user, audit, ct);
        return await DecideAsync(id, user, db, clock, audit, null, (a, now) => a.Withdraw(now), ct);
    }

    private static async Task<Ok<ApplicationDto>> DecideAsync(
        Guid id, ClaimsPrincipal user, IntakeDbContext db, TimeProvider clock, IAuditLog audit, string? opinion,
        Action<Domain.Application, DateTimeOffset> decide, CancellationToken ct)
    {
        var application = await FindAsync(db, id, user, audit, ct);
        var now = clock.GetUtcNow();
        decide(application, now);
        db.Progress.Add(Entry(application, user, opinion?.Trim(), now));
        Audit(audit, application);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(application));
    }

    /// <summary>An application of another region answers 404: a region's data never reaches another region's users.</summary>
    private static async Task<Domain.Application> FindAsync(IntakeDbContext db, Guid id, ClaimsPrincipal user, IAuditLog audit, CancellationToken ct)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Application 申请", id.ToString());
        if (!user.InRegion(application.RegionCode)) await DenyAsync(audit, application, "another region", ct);
        return application;
    }

    /// <summary>An applicant sees only their own applications; the window sees all of its region. Others get 404, not a hint that it exists.</summary>
    private static async Task<Domain.Application> FindVisibleAsync(IntakeDbContext db, Guid id, ClaimsPrincipal user, IAuditLog audit, CancellationToken ct)
    {
        var application = await FindAsync(db, id, user, audit, ct);
        if (!user.IsInRole(Roles.Window) && application.ApplicantId != user.UserId()) await DenyAsync(audit, application, "not the applicant", ct);
        return application;
    }

    /// <summary>Audits the refusal, then answers 404 as if the application did not exist.</summary>
    private static async Task DenyAsync(IAuditLog audit, Domain.Application a, string why, CancellationToken ct)
    {
        await audit.DenyAsync("application", a.Id.ToString(), why, ct, a.RegionCode);
        throw new NotFoundException("Application 申请", a.Id.ToString());
    }

    private static void Audit(IAuditLog audit, Domain.Application a) =>
        audit.Add(AuditActions.StateChange, "application", a.Id.ToString(), $"{a.Status.Code()} {a.Status.ChineseName()}", a.RegionCode);

    private static ProgressEntry Entry(Domain.Application a, ClaimsPrincipal user, string? opinion, DateTimeOffset now) => new()
    {
        ApplicationId = a.Id, Subject = $"{a.StageName}申请", StatusCode = a.Status.Code(), StatusName = a.Status.ChineseName(),
        Actor = user.DisplayName(), Organisation = user.IsInRole(Roles.Window) ? "综合服务窗口" : a.ApplicantName,
        Opinion = opinion, OccurredAt = now,
    };

    private static ApplicationDto ToDto(Domain.Application a) => new(
        a.Id, a.RegionCode, a.ProjectCode, a.ProjectName, a.ApplicantId, a.ApplicantName, a.StageNo, a.StageName,
        a.Status.Code(), a.Status.ChineseName(), a.DecisionReason, a.ReceivedAt, a.DecidedAt,
        a.Items.Select(i => new ApplicationItemDto(i.ItemCode, i.ItemVersion, i.ItemName, i.DepartmentCode, i.DepartmentName, i.TimeLimitWorkingDays)).ToList());
}
