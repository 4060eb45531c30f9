using System.Security.Claims;
using Approval.Contracts.Errors;
using Approval.ServiceDefaults.Audit;
using Approval.ServiceDefaults.Identity;
using Approval.ServiceDefaults.Region;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Messaging.Systems;

/// <summary>
/// An organisation registers its own system's endpoint and reads the delivery log: <c>PUT/GET/DELETE
/// {prefix}/{code}/webhook</c> and <c>GET {prefix}/{code}/webhook/deliveries</c>, for callers with the given role whose
/// organisation is <c>code</c> in this deployment's region (anyone else: 404, audited). Approvals maps it for departments,
/// Reviews for review agencies, Utilities for utilities, Marketplace for intermediaries.
/// </summary>
public static class WebhookRegistrationApi
{
    public sealed record RegisterWebhookRequest(string? Url, string? Secret);
    public sealed record WebhookDto(string OrganisationCode, string Url, DateTimeOffset UpdatedAt);
    public sealed record DeliveryDto(Guid Id, string EventType, DateTimeOffset CreatedAt, int Attempts, DateTimeOffset? DeliveredAt, DateTimeOffset NextAttemptAt, IReadOnlyList<AttemptDto> Log);
    public sealed record AttemptDto(DateTimeOffset At, string Url, int? StatusCode, string? Error, double DurationMs);

    /// <param name="prefix">e.g. /api/approvals/departments</param>
    /// <param name="role">the role whose organisation registers (department, review-agency, utility, intermediary)</param>
    /// <param name="objectType">the audit's object type, e.g. department-webhook</param>
    /// <param name="tag">the OpenAPI tag</param>
    public static void MapWebhookRegistration<TDb>(this IEndpointRouteBuilder app, string prefix, string role, string objectType, string tag)
        where TDb : DbContext
    {
        var api = app.MapGroup(prefix + "/{code}/webhook").WithTags(tag).RequireAuthorization(role);
        api.MapPut("/", (string code, RegisterWebhookRequest request, HttpContext http, WebhookTarget target) =>
                RegisterAsync(code, request, new Context<TDb>(http, objectType), target))
            .WithSummary("Register the organisation system's webhook (SSRF-checked, signed with its secret) / 登记业务系统推送地址");
        api.MapGet("/", (string code, HttpContext http) => GetAsync(new Context<TDb>(http, objectType), code))
            .WithSummary("The registered endpoint (without its secret) / 已登记的推送地址");
        api.MapDelete("/", (string code, HttpContext http) => UnregisterAsync(new Context<TDb>(http, objectType), code))
            .WithSummary("Stop pushing to the organisation's system (pending notifications wait, nothing is dropped) / 停止推送");
        api.MapGet("/deliveries", (string code, HttpContext http) => DeliveriesAsync(new Context<TDb>(http, objectType), code))
            .WithSummary("Delivery log: every notification and attempt / 推送记录");
    }

    /// <summary>What every call needs, from the request's services.</summary>
    private sealed class Context<TDb>(HttpContext http, string objectType) where TDb : DbContext
    {
        public DbContext Db { get; } = http.RequestServices.GetRequiredService<TDb>();
        public IAuditLog Audit { get; } = http.RequestServices.GetRequiredService<IAuditLog>();
        public DeploymentRegion Region { get; } = http.RequestServices.GetRequiredService<DeploymentRegion>();
        public TimeProvider Clock { get; } = http.RequestServices.GetRequiredService<TimeProvider>();
        public ClaimsPrincipal User => http.User;
        public string ObjectType => objectType;
        public CancellationToken Ct => http.RequestAborted;

        /// <summary>An organisation manages only its own system, in this deployment's region; anything else answers 404.</summary>
        public async Task EnsureOwnAsync(string code)
        {
            if (User.OrganisationCode() == code && User.InRegion(Region.Code)) return;
            await Audit.DenyAsync(ObjectType, code, "not the caller's own organisation in this region", Ct, Region.Code);
            throw new NotFoundException("Organisation 机构", code);
        }
    }

    /// <summary>The URL must reach a public address (or a network the deployment allows) — see <see cref="WebhookTarget"/>.</summary>
    private static async Task<Ok<WebhookDto>> RegisterAsync<TDb>(string code, RegisterWebhookRequest request, Context<TDb> c, WebhookTarget target)
        where TDb : DbContext
    {
        await c.EnsureOwnAsync(code);
        var urlProblem = await target.ProblemAsync(request.Url, c.Ct);
        new FieldErrors()
            .Require(urlProblem is null, "url", urlProblem?.English ?? "", urlProblem?.Chinese ?? "")
            .Require(request.Secret is { Length: >= 16 and <= 200 }, "secret", "must be 16–200 characters", "签名密钥长度应为16至200个字符")
            .ThrowIfAny();
        var endpoints = c.Db.Set<WebhookEndpoint>();
        var webhook = await endpoints.FirstOrDefaultAsync(w => w.OrganisationCode == code, c.Ct);
        if (webhook is null) endpoints.Add(webhook = new WebhookEndpoint { OrganisationCode = code, Url = request.Url!, Secret = request.Secret! });
        webhook.Url = request.Url!;
        webhook.Secret = request.Secret!;
        webhook.UpdatedAt = c.Clock.GetUtcNow();
        c.Audit.Add(AuditActions.StateChange, c.ObjectType, code, $"endpoint set to {webhook.Url}", c.Region.Code);
        await c.Db.SaveChangesAsync(c.Ct);
        return TypedResults.Ok(new WebhookDto(code, webhook.Url, webhook.UpdatedAt));
    }

    private static async Task<Ok<WebhookDto>> GetAsync<TDb>(Context<TDb> c, string code) where TDb : DbContext
    {
        await c.EnsureOwnAsync(code);
        var w = await c.Db.Set<WebhookEndpoint>().AsNoTracking().FirstOrDefaultAsync(x => x.OrganisationCode == code, c.Ct)
            ?? throw new NotFoundException("Webhook 推送地址", code);
        return TypedResults.Ok(new WebhookDto(code, w.Url, w.UpdatedAt));
    }

    private static async Task<NoContent> UnregisterAsync<TDb>(Context<TDb> c, string code) where TDb : DbContext
    {
        await c.EnsureOwnAsync(code);
        await c.Db.Set<WebhookEndpoint>().Where(w => w.OrganisationCode == code).ExecuteDeleteAsync(c.Ct);
        await c.Audit.RecordAsync(AuditActions.StateChange, c.ObjectType, code, "endpoint removed", c.Region.Code, c.User, c.Ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<DeliveryDto>>> DeliveriesAsync<TDb>(Context<TDb> c, string code) where TDb : DbContext
    {
        await c.EnsureOwnAsync(code);
        var deliveries = await c.Db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.OrganisationCode == code)
            .OrderByDescending(d => d.CreatedAt).Take(100).ToListAsync(c.Ct);
        var ids = deliveries.Select(d => d.Id).ToList();
        var attempts = (await c.Db.Set<WebhookAttempt>().AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).OrderBy(a => a.Id).ToListAsync(c.Ct))
            .ToLookup(a => a.DeliveryId);
        return TypedResults.Ok(deliveries.Select(d => new DeliveryDto(d.Id, d.EventType, d.CreatedAt, d.Attempts, d.DeliveredAt, d.NextAttemptAt,
            attempts[d.Id].Select(a => new AttemptDto(a.At, a.Url, a.StatusCode, a.Error, a.DurationMs)).ToList())).ToList());
    }
}
