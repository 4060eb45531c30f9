using Approval.Approvals.Data;
using Approval.Approvals.Domain;
using Approval.Approvals.Webhooks;
using Approval.ServiceDefaults.Region;

namespace Approval.Approvals.Api;

/// <summary>A department registers its own system's endpoint and reads the delivery log .</summary>
public static class WebhooksApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/approvals/departments/{code}/webhook").WithTags("Department systems").RequireAuthorization(Roles.Department);
        api.MapPut("/", Register).WithSummary("Register the department system's webhook / 登记部门业务系统推送地址");
        api.MapGet("/", Get).WithSummary("The registered endpoint (without its secret)");
        api.MapDelete("/", Unregister).WithSummary("Stop pushing to the department system (pending notifications wait, nothing is dropped)");
        api.MapGet("/deliveries", Deliveries).WithSummary("Delivery log: every notification and attempt / 推送记录");
    }

    public sealed record RegisterWebhookRequest(string? Url, string? Secret);
    public sealed record WebhookDto(string DepartmentCode, string Url, DateTimeOffset UpdatedAt);
    public sealed record DeliveryDto(Guid Id, string EventType, DateTimeOffset CreatedAt, int Attempts, DateTimeOffset? DeliveredAt, DateTimeOffset NextAttemptAt, IReadOnlyList<AttemptDto> Log);
    public sealed record AttemptDto(DateTimeOffset At, string Url, int? StatusCode, string? Error, double DurationMs);

    /// <summary>The URL must reach a public address (or a network the deployment allows) — see <see cref="WebhookTarget"/>.</summary>
    private static async Task<Ok<WebhookDto>> Register(string code, RegisterWebhookRequest request, ClaimsPrincipal user, WebhookTarget target, [AsParameters] ApprovalsServices s, CancellationToken ct)
    {
        await EnsureOwnDepartmentAsync(code, user, s.Region, s.Audit, ct);
        var urlProblem = await target.ProblemAsync(request.Url, ct);
        new FieldErrors()
            .Require(urlProblem is null, "url", urlProblem?.English ?? "", urlProblem?.Chinese ?? "")
            .Require(request.Secret is { Length: >= 16 and <= 200 }, "secret", "must be 16–200 characters", "签名密钥长度应为16至200个字符")
            .ThrowIfAny();
        var webhook = await s.Db.Webhooks.FirstOrDefaultAsync(w => w.DepartmentCode == code, ct);
        if (webhook is null) s.Db.Webhooks.Add(webhook = new DepartmentWebhook { DepartmentCode = code, Url = request.Url!, Secret = request.Secret! });
        webhook.Url = request.Url!;
        webhook.Secret = request.Secret!;
        webhook.UpdatedAt = s.Clock.GetUtcNow();
        s.Audit.Add(AuditActions.StateChange, "department-webhook", code, $"endpoint set to {webhook.Url}", s.Region.Code);
        await s.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(new WebhookDto(code, webhook.Url, webhook.UpdatedAt));
    }

    private static async Task<Ok<WebhookDto>> Get(string code, ClaimsPrincipal user, ApprovalsDbContext db, DeploymentRegion region, IAuditLog audit, CancellationToken ct)
    {
        await EnsureOwnDepartmentAsync(code, user, region, audit, ct);
        var w = await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(x => x.DepartmentCode == code, ct)
            ?? throw new NotFoundException("Webhook 推送地址", code);
        return TypedResults.Ok(new WebhookDto(code, w.Url, w.UpdatedAt));
    }

    private static async Task<NoContent> Unregister(string code, ClaimsPrincipal user, ApprovalsDbContext db, DeploymentRegion region, IAuditLog audit, CancellationToken ct)
    {
        await EnsureOwnDepartmentAsync(code, user, region, audit, ct);
        await db.Webhooks.Where(w => w.DepartmentCode == code).ExecuteDeleteAsync(ct);
        await audit.RecordAsync(AuditActions.StateChange, "department-webhook", code, "endpoint removed", region.Code, user, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<DeliveryDto>>> Deliveries(string code, ClaimsPrincipal user, ApprovalsDbContext db, DeploymentRegion region, IAuditLog audit, CancellationToken ct)
    {
        await EnsureOwnDepartmentAsync(code, user, region, audit, ct);
        var deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => d.DepartmentCode == code)
            .OrderByDescending(d => d.CreatedAt).Take(100).ToListAsync(ct);
        var ids = deliveries.Select(d => d.Id).ToList();
        var attempts = (await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).OrderBy(a => a.Id).ToListAsync(ct))
            .ToLookup(a => a.DeliveryId);
        return TypedResults.Ok(deliveries.Select(d => new DeliveryDto(d.Id, d.EventType, d.CreatedAt, d.Attempts, d.DeliveredAt, d.NextAttemptAt,
            attempts[d.Id].Select(a => new AttemptDto(a.At, a.Url, a.StatusCode, a.Error, a.DurationMs)).ToList())).ToList());
    }

    /// <summary>A department manages only its own system, in this deployment's region; anything else answers 404.</summary>
    private static async Task EnsureOwnDepartmentAsync(string code, ClaimsPrincipal user, DeploymentRegion region, IAuditLog audit, CancellationToken ct)
    {
        if (user.OrganisationCode() == code && user.InRegion(region.Code)) return;
        await audit.DenyAsync("department-webhook", code, "not the caller's own department in this region", ct, region.Code);
        throw new NotFoundException("Department 部门", code);
    }
}
