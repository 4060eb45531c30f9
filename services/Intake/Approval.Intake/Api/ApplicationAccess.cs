using System.Text.Json;
using Approval.Intake.Data;
using Approval.Intake.Domain;

namespace Approval.Intake.Api;

/// <summary>
/// Who may act on an application. Anyone refused gets 404, not a hint that the application exists, and the refusal
/// is audited: another region's users always; other applicants for the applicant's own actions and views.
/// </summary>
internal static class ApplicationAccess
{
    /// <summary>An application of another region answers 404: a region's data never reaches another region's users.</summary>
    public static async Task<Domain.Application> FindAsync(IntakeDbContext db, Guid id, ClaimsPrincipal user, IAuditLog audit, CancellationToken ct)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Application 申请", id.ToString());
        if (!user.InRegion(application.RegionCode)) await DenyAsync(audit, application, "another region", ct);
        return application;
    }

    /// <summary>An applicant sees only their own applications; the window sees all of its region.</summary>
    public static async Task<Domain.Application> FindVisibleAsync(IntakeDbContext db, Guid id, ClaimsPrincipal user, IAuditLog audit, CancellationToken ct)
    {
        var application = await FindAsync(db, id, user, audit, ct);
        if (!user.IsInRole(Roles.Window) && application.ApplicantId != user.UserId()) await DenyAsync(audit, application, "not the applicant", ct);
        return application;
    }

    /// <summary>Only the applicant themself (撤件, 补正 resubmission, attaching materials, asking for paper delivery).</summary>
    public static async Task<Domain.Application> FindOwnAsync(IntakeDbContext db, Guid id, ClaimsPrincipal user, IAuditLog audit, CancellationToken ct)
    {
        var application = await FindAsync(db, id, user, audit, ct);
        if (application.ApplicantId != user.UserId()) await DenyAsync(audit, application, "not the applicant", ct);
        return application;
    }

    /// <summary>
    /// The application's materials: its applicant, the window, a department an item is routed to (once accepted) and a
    /// department the window consulted before acceptance.
    /// </summary>
    public static async Task<Domain.Application> FindForMaterialsAsync(IntakeDbContext db, Guid id, ClaimsPrincipal user, IAuditLog audit, CancellationToken ct)
    {
        var application = await FindAsync(db, id, user, audit, ct);
        if (!await MaySeeMaterialsAsync(db, application, user, ct)) await DenyAsync(audit, application, "not the applicant, window or a routed department", ct);
        return application;
    }

    public static async Task<bool> MaySeeMaterialsAsync(IntakeDbContext db, Domain.Application application, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.InRegion(application.RegionCode)) return false;
        if (user.IsInRole(Roles.Window) || application.ApplicantId == user.UserId()) return true;
        if (!user.IsInRole(Roles.Department) || user.OrganisationCode() is not { } org) return false;
        if (application.WasAccepted && application.Items.Any(i => i.DepartmentCode == org)) return true;
        return await db.Consultations.AnyAsync(c => c.ApplicationId == application.Id && c.DepartmentCode == org, ct);
    }

    /// <summary>Audits the refusal, then answers 404 as if the application did not exist.</summary>
    public static async Task DenyAsync(IAuditLog audit, Domain.Application a, string why, CancellationToken ct)
    {
        await audit.DenyAsync("application", a.Id.ToString(), why, ct, a.RegionCode);
        throw new NotFoundException("Application 申请", a.Id.ToString());
    }

    public static void Audit(IAuditLog audit, Domain.Application a) =>
        audit.Add(AuditActions.StateChange, "application", a.Id.ToString(), $"{a.Status.Code()} {a.Status.ChineseName()}", a.RegionCode);

    /// <summary>The timeline line of the application's new status.</summary>
    public static ProgressEntry Entry(Domain.Application a, ClaimsPrincipal user, string? opinion, DateTimeOffset now) => new()
    {
        ApplicationId = a.Id, Subject = $"{a.StageName}申请", StatusCode = a.Status.Code(), StatusName = a.Status.ChineseName(),
        Actor = user.DisplayName(), Organisation = user.IsInRole(Roles.Window) ? "综合服务窗口" : a.ApplicantName,
        Opinion = opinion, OccurredAt = now,
    };

    public static ApplicationDto ToDto(Domain.Application a) => new(
        a.Id, a.RegionCode, a.ProjectCode, a.ProjectName, a.ApplicantId, a.ApplicantName, a.StageNo, a.StageName,
        a.Status.Code(), a.Status.ChineseName(), a.DecisionReason, a.ReceivedAt, a.DecidedAt,
        a.Items.Select(i => new ApplicationItemDto(i.ItemCode, i.ItemVersion, i.ItemName, i.DepartmentCode, i.DepartmentName, i.TimeLimitWorkingDays,
            i.TimeLimit > 0 ? i.TimeLimit : i.TimeLimitWorkingDays, i.TimeLimit > 0 ? i.TimeLimitUnit : 1)).ToList(),
        (int)a.Channel, a.Channel.ChineseName(), a.EnteredBy,
        (a.Corrections ?? []).Select(c => new CorrectionDto(c.Subject, c.Problem)).ToList(), a.CorrectionRequestedAt, a.CorrectedAt, a.EngineeringCode,
        JsonDocument.Parse(a.FormData).RootElement.Clone(), a.FlowCode, a.FlowType, a.StageTimeLimitWorkingDays);
}
