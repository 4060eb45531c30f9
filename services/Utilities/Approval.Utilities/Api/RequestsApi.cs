using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Messaging.Systems;
using Approval.Utilities.Data;
using Approval.Utilities.Domain;

namespace Approval.Utilities.Api;

/// <summary>
/// The utility's side: its workbench of requests, 受理勘查 with the connection plan and fees, the steps between,
/// 验收开通, supplements that pause the clock, and the early plan from the design materials. Each act is one step,
/// audited and published through the outbox.
/// </summary>
public static class RequestsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/requests");
        requests.MapGet("/", Workbench).RequireAuthorization(Roles.Utility).WithSummary("The utility's requests, open first / 报装工作台");
        requests.MapGet("/{id:guid}", One).WithSummary("One request with every step and clock (its utility or applicant) / 报装详情");
        var acts = requests.MapGroup("/{id:guid}").RequireAuthorization(Roles.Utility).AcceptsIdempotencyKey(); // a utility system retries safely
        acts.MapPost("/survey", Survey).WithSummary("受理勘查: conclude the survey with the connection plan and fees / 受理勘查（接入方案与费用）");
        acts.MapPost("/steps", Step).WithSummary("Conclude the current step between survey and connection (power) / 办理当前环节");
        acts.MapPost("/connect", Connect).WithSummary("验收开通: inspect and connect, after the survey and every step between / 验收开通");
        acts.MapPost("/supplements", Supplement).WithSummary("Ask the applicant for a supplement; the step's clock stops / 发起补正（暂停计时）");
        acts.MapPost("/early-plan", EarlyPlan).WithSummary("Post an early connection plan from the design materials / 提前发布接入方案（前置服务）");
        api.MapGet("/projects/{projectCode}/access", ProjectAccess).RequireAuthorization(Roles.Utility)
            .WithSummary("Whether the project has an application to the caller's utility (Intake asks before showing design materials) / 项目报装关系核验");
    }

    private static async Task<Ok<List<RequestDto>>> Workbench(ClaimsPrincipal user, UtilitiesDbContext db, UtilityViews views, CancellationToken ct)
    {
        var org = user.OrganisationCode();
        var region = user.RegionCode();
        var list = await db.Requests.AsNoTracking().Where(r => r.UtilityCode == org && r.RegionCode == region)
            .OrderBy(r => r.ConnectedAt != null).ThenByDescending(r => r.AppliedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(list.Select(views.ToDto).ToList());
    }

    private static async Task<Ok<RequestDto>> One(Guid id, ClaimsPrincipal user, UtilitiesDbContext db, UtilityViews views, IAuditLog audit, CancellationToken ct) =>
        TypedResults.Ok(views.ToDto(await RequestAccess.VisibleAsync(db, id, user, audit, ct)));

    private static Task<Ok<RequestDto>> Survey(Guid id, SurveyBody body, ClaimsPrincipal user, UtilitiesDbContext db, UtilityViews views, TimeProvider clock,
        IAuditLog audit, CancellationToken ct) =>
        ActAsync(id, user, db, views, clock, audit, ct, (r, now) =>
        {
            var step = r.Survey(body.Result, body.ConnectionPlan, body.Fee, user.DisplayName(), now);
            db.AddOutboxEvent(new UtilitySurveyed(r.Id, r.RegionCode, r.ProjectCode, r.ApplicantId, r.UtilityCode, r.ServiceType, r.ConnectionPlan!, r.Fee!.Value,
                step.Handler!, now), r.Id.ToString(), clock);
            return step;
        });

    private static Task<Ok<RequestDto>> Step(Guid id, StepBody body, ClaimsPrincipal user, UtilitiesDbContext db, UtilityViews views, TimeProvider clock,
        IAuditLog audit, CancellationToken ct) =>
        ActAsync(id, user, db, views, clock, audit, ct, (r, now) => r.RecordStep(body.Result, user.DisplayName(), now));

    private static Task<Ok<RequestDto>> Connect(Guid id, StepBody body, ClaimsPrincipal user, UtilitiesDbContext db, UtilityViews views, TimeProvider clock,
        IAuditLog audit, CancellationToken ct) =>
        ActAsync(id, user, db, views, clock, audit, ct, (r, now) =>
        {
            var step = r.Connect(body.Result, user.DisplayName(), now);
            db.AddOutboxEvent(new UtilityConnected(r.Id, r.RegionCode, r.ProjectCode, r.ApplicantId, r.UtilityCode, r.ServiceType, now), r.Id.ToString(), clock);
            return step;
        });

    /// <summary>Concludes a step: the event UtilityStepRecorded for every step besides the act's own event.</summary>
    private static Task<Ok<RequestDto>> ActAsync(Guid id, ClaimsPrincipal user, UtilitiesDbContext db, UtilityViews views, TimeProvider clock,
        IAuditLog audit, CancellationToken ct, Func<UtilityRequest, DateTimeOffset, UtilityStep> act) =>
        ChangeAsync(id, user, db, views, clock, audit, ct, (request, now) =>
        {
            var step = act(request, now);
            db.AddOutboxEvent(new UtilityStepRecorded(request.Id, request.RegionCode, request.ProjectCode, request.ApplicantId, request.UtilityCode, step.No,
                step.Name, step.Result!, step.Handler!, step.StartedAt!.Value, now), request.Id.ToString(), clock);
            return $"第{step.No}步 {step.Name}：{step.Result}";
        });

    private static Task<Ok<RequestDto>> Supplement(Guid id, SupplementBody body, ClaimsPrincipal user, UtilitiesDbContext db, UtilityViews views,
        TimeProvider clock, IAuditLog audit, CancellationToken ct) =>
        ChangeAsync(id, user, db, views, clock, audit, ct, (request, now) =>
        {
            var supplement = request.RequestSupplement(body.Reason, user.DisplayName(), now);
            return $"补正（开始） 第{supplement.StepNo}步：{supplement.Reason}";
        });

    private static Task<Ok<RequestDto>> EarlyPlan(Guid id, EarlyPlanBody body, ClaimsPrincipal user, UtilitiesDbContext db, UtilityViews views,
        TimeProvider clock, IAuditLog audit, CancellationToken ct) =>
        ChangeAsync(id, user, db, views, clock, audit, ct, (request, now) =>
        {
            request.PostEarlyPlan(body.Plan, now);
            return "提前发布接入方案";
        });

    /// <summary>One act of the request's utility: the change (which names itself for the audit record), the audit record, one save.</summary>
    private static async Task<Ok<RequestDto>> ChangeAsync(Guid id, ClaimsPrincipal user, UtilitiesDbContext db, UtilityViews views, TimeProvider clock,
        IAuditLog audit, CancellationToken ct, Func<UtilityRequest, DateTimeOffset, string> change)
    {
        var request = await RequestAccess.ForUtilityAsync(db, id, user, audit, ct);
        var outcome = change(request, clock.GetUtcNow());
        audit.Add(AuditActions.StateChange, "utility-request", id.ToString(), outcome, request.RegionCode);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(views.ToDto(request));
    }

    /// <summary>R-10.4: a utility reads a project's design materials only while the project has an application to it; Intake asks here first.</summary>
    private static async Task<Ok<ProjectAccessDto>> ProjectAccess(string projectCode, ClaimsPrincipal user, UtilitiesDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var org = user.OrganisationCode();
        var region = user.RegionCode();
        var count = await db.Requests.CountAsync(r => r.ProjectCode == projectCode && r.UtilityCode == org && r.RegionCode == region, ct);
        if (count == 0)
        {
            await audit.DenyAsync("project", projectCode, $"no utility application to {org}", ct, region);
            throw new NotFoundException("Project 项目", projectCode);
        }
        return TypedResults.Ok(new ProjectAccessDto(projectCode, org!, count));
    }
}
