using Approval.Contracts.Codes;
using Approval.ServiceDefaults.Http;
using System.Security.Cryptography;
using Approval.Contracts.Events;
using Approval.Marketplace.Clients;
using Approval.Marketplace.Data;
using Approval.Marketplace.Domain;
using Approval.Messaging;
using Approval.Messaging.Systems;

namespace Approval.Marketplace.Api;

/// <summary>
/// The commission (委托) after the selection: the agency answers within the region's limit, records start, milestones and
/// end, and delivers sealed results; the applicant follows it and rates it after the end.
/// </summary>
public static class CommissionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var commissions = api.MapGroup("/commissions").WithTags("Commissions");
        commissions.MapGet("/", Mine).RequireAuthorization(p => p.RequireRole(Roles.Applicant, Roles.Intermediary))
            .WithSummary("Your commissions: an applicant's own, an agency's workbench / 我的委托（申请人）或委托工作台（中介机构）");
        commissions.MapGet("/{commission:guid}", Get).RequireAuthorization()
            .WithSummary("A commission with its clocks (正常/预警/逾期), milestones and deliverables / 委托详情及计时");
        commissions.MapPost("/{commission:guid}/accept", Accept).RequireAuthorization(Roles.Intermediary)
            .WithSummary("The agency accepts within the region's limit / 中介机构接受委托").AcceptsIdempotencyKey();
        commissions.MapPost("/{commission:guid}/decline", Decline).RequireAuthorization(Roles.Intermediary)
            .WithSummary("The agency declines with a reason / 中介机构拒绝委托").AcceptsIdempotencyKey();
        commissions.MapPost("/{commission:guid}/start", Start).RequireAuthorization(Roles.Intermediary)
            .WithSummary("The agency starts the service: the service clock starts / 开始服务（开始计时）").AcceptsIdempotencyKey();
        commissions.MapPost("/{commission:guid}/milestones", AddMilestone).RequireAuthorization(Roles.Intermediary)
            .WithSummary("The agency records a milestone with its time / 记录服务节点").AcceptsIdempotencyKey();
        commissions.MapPost("/{commission:guid}/deliverables", CommissionDeliverables.Deliver).RequireAuthorization(Roles.Intermediary)
            .WithSummary("The commissioned agency delivers a PDF, sealed with its e-seal; the applicant gets it as a material / 提交服务成果（电子签章）").AcceptsIdempotencyKey();
        commissions.MapPost("/{commission:guid}/end", End).RequireAuthorization(Roles.Intermediary)
            .WithSummary("The agency ends the service: the clock stops / 完成服务（停止计时）").AcceptsIdempotencyKey();
        commissions.MapPost("/{commission:guid}/rating", Rate).RequireAuthorization(Roles.Applicant)
            .WithSummary("The applicant rates the agency after the end (满意度 1–5) / 申请人评价中介服务");
    }

    private static async Task<Ok<List<CommissionDto>>> Mine(ClaimsPrincipal user, MarketplaceDbContext db, MarketplaceAccess access, CommissionViews views, CancellationToken ct)
    {
        var query = db.Commissions.AsNoTracking();
        if (user.IsInRole(Roles.Intermediary))
        {
            var agency = await access.OwnAgencyAsync(user, ct);
            query = query.Where(c => agency != null && c.AgencyId == agency.Id);
        }
        else
        {
            var me = user.UserId();
            query = query.Where(c => c.OwnerId == me);
        }
        return TypedResults.Ok(await views.ViewAllAsync(await query.OrderByDescending(c => c.OfferedAt).Take(200).ToListAsync(ct), ct));
    }

    private static async Task<Ok<CommissionDto>> Get(Guid commission, ClaimsPrincipal user, MarketplaceAccess access, CommissionViews views, CancellationToken ct) =>
        TypedResults.Ok(await views.ViewAsync(await access.ReadableAsync(commission, user, ct), ct));

    private static async Task<Ok<CommissionDto>> Accept(Guid commission, ClaimsPrincipal user, MarketplaceDbContext db, MarketplaceAccess access,
        CommissionViews views, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var c = await access.OfAgencyAsync(commission, user, ct);
        var now = clock.GetUtcNow();
        c.Answer(accept: true, null, views.AnswerLapsed(c), now);
        db.AddOutboxEvent(new CommissionAccepted(c.Id, c.RegionCode, c.OwnerId, c.ProjectCode, c.EngineeringCode, c.ServiceType, c.AgencyId, c.AgencyName, now),
            c.Id.ToString(), clock);
        return await SaveAsync(c, "接受委托", db, views, audit, ct);
    }

    private static async Task<Ok<CommissionDto>> Decline(Guid commission, AnswerRequest r, ClaimsPrincipal user, MarketplaceDbContext db, MarketplaceAccess access,
        CommissionViews views, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var c = await access.OfAgencyAsync(commission, user, ct);
        var now = clock.GetUtcNow();
        c.Answer(accept: false, r.Reason, views.AnswerLapsed(c), now);
        db.AddOutboxEvent(new CommissionDeclined(c.Id, c.RegionCode, c.OwnerId, c.ProjectCode, c.EngineeringCode, c.AgencyId, c.DeclineReason!, now),
            c.Id.ToString(), clock);
        return await SaveAsync(c, $"拒绝委托：{c.DeclineReason}", db, views, audit, ct);
    }

    private static async Task<Ok<CommissionDto>> Start(Guid commission, ClaimsPrincipal user, MarketplaceDbContext db, MarketplaceAccess access,
        CommissionViews views, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var c = await access.OfAgencyAsync(commission, user, ct);
        c.Start(clock.GetUtcNow());
        Progressed(db, c, "started", null, c.StartedAt!.Value, clock);
        return await SaveAsync(c, "开始服务", db, views, audit, ct);
    }

    private static async Task<Ok<CommissionDto>> AddMilestone(Guid commission, MilestoneRequest r, ClaimsPrincipal user, MarketplaceDbContext db,
        MarketplaceAccess access, CommissionViews views, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var c = await access.OfAgencyAsync(commission, user, ct);
        var milestone = c.AddMilestone(r.Name, r.Note, clock.GetUtcNow());
        Progressed(db, c, "milestone", milestone.Name, milestone.At, clock);
        return await SaveAsync(c, $"服务节点：{milestone.Name}", db, views, audit, ct);
    }

    private static async Task<Ok<CommissionDto>> End(Guid commission, ClaimsPrincipal user, MarketplaceDbContext db, MarketplaceAccess access,
        CommissionViews views, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var c = await access.OfAgencyAsync(commission, user, ct);
        c.End(await db.Deliverables.CountAsync(d => d.CommissionId == c.Id, ct), clock.GetUtcNow());
        Progressed(db, c, "ended", null, c.EndedAt!.Value, clock);
        return await SaveAsync(c, "完成服务", db, views, audit, ct);
    }

    private static async Task<Ok<CommissionDto>> Rate(Guid commission, RateRequest r, ClaimsPrincipal user, MarketplaceDbContext db, MarketplaceAccess access,
        CommissionViews views, Approval.Calendar.WorkingCalendar calendar, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var c = await access.OfOwnerAsync(commission, user, ct);
        c.Rate(r.Satisfaction, r.Comment, clock.GetUtcNow());
        db.AddOutboxEvent(new CommissionRated(c.Id, c.RegionCode, c.OwnerId, c.AgencyId, c.Satisfaction!.Value, CommissionClock.OnTime(c, calendar), c.RatedAt!.Value,
            c.AgencyOrgCode, c.AgencyName, c.RatingComment),
            c.Id.ToString(), clock);
        return await SaveAsync(c, $"评价：{SatisfactionNames.Names[c.Satisfaction.Value]}", db, views, audit, ct);
    }

    private static void Progressed(MarketplaceDbContext db, Commission c, string step, string? name, DateTimeOffset at, TimeProvider clock) =>
        db.AddOutboxEvent(new CommissionProgressed(c.Id, c.RegionCode, c.OwnerId, c.ProjectCode, c.EngineeringCode, c.AgencyId, step, name, at), c.Id.ToString(), clock);

    internal static async Task<Ok<CommissionDto>> SaveAsync(Commission c, string outcome, MarketplaceDbContext db, CommissionViews views, IAuditLog audit, CancellationToken ct)
    {
        audit.Add(AuditActions.StateChange, "commission", c.Id.ToString(), outcome, c.RegionCode);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await views.ViewAsync(c, ct));
    }
}

/// <summary>Deliverables: sealed through Licences with the agency user's token, stored, and offered to the applicant through Intake.</summary>
public static class CommissionDeliverables
{
    public static async Task<Created<DeliverableDto>> Deliver(Guid commission, DeliverRequest r, ClaimsPrincipal user, MarketplaceDbContext db,
        MarketplaceAccess access, SealingClient licences, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var c = await access.OfAgencyAsync(commission, user, ct);
        c.EnsureDeliverable();
        var content = Deliverable.CheckPdf(r.FileName, r.Content);
        var seal = await licences.SignAsync(content, ct);
        var now = clock.GetUtcNow();
        var type = ServiceTypes.Find(c.ServiceType)!;
        var deliverable = new Deliverable
        {
            Id = Guid.CreateVersion7(now), CommissionId = c.Id, Name = type.Material, FileName = r.FileName!.Trim(), Content = content,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), SealId = seal.SealId, SealCode = seal.SealCode, Signature = seal.Signature, DeliveredAt = now,
        };
        db.Deliverables.Add(deliverable);
        db.AddOutboxEvent(new DeliverableDelivered(deliverable.Id, c.Id, c.RegionCode, c.OwnerId, c.ProjectCode, c.EngineeringCode, c.AgencyId,
            deliverable.Name, deliverable.FileName, deliverable.Sha256, deliverable.SealCode, now), c.Id.ToString(), clock);
        db.AddOutboxEvent(new ProjectMaterialDelivered(deliverable.Id, c.RegionCode, c.OwnerId, c.ProjectCode, c.EngineeringCode, deliverable.Name,
            deliverable.FileName, deliverable.ContentType, deliverable.Sha256, content, "marketplace", c.Id.ToString(), deliverable.SealCode, now), c.Id.ToString(), clock);
        audit.Add(AuditActions.StateChange, "commission", c.Id.ToString(), $"提交服务成果 {deliverable.Name} SHA-256 {deliverable.Sha256} 印章 {seal.SealCode}", c.RegionCode);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/marketplace/commissions/{c.Id}", DeliverableDto.From(deliverable));
    }
}
