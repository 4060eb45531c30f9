using Approval.Calendar;
using Approval.Contracts.Events;
using Approval.Marketplace.Data;
using Approval.Marketplace.Domain;
using Approval.Messaging;
using Approval.ServiceDefaults.Region;

namespace Approval.Marketplace.Api;

/// <summary>
/// The public directory (anyone: verified agencies, their services, ratings and timeliness), the agency's own registration
/// and services (role intermediary), and the region admin's verification.
/// </summary>
public static class AgenciesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/service-types", () => TypedResults.Ok(ServiceTypes.All.Select(ServiceTypeDto.From).ToList())).AllowAnonymous().WithTags("Directory")
            .WithSummary("Intermediary service types and the material each deliverable serves / 中介服务事项");
        api.MapGet("/agencies", Directory).AllowAnonymous().WithTags("Directory")
            .WithSummary("Public directory: verified agencies, optionally of one service type / 中介机构名录");
        api.MapGet("/agencies/{agency:guid}", Page).AllowAnonymous().WithTags("Directory")
            .WithSummary("An agency's public page: qualifications, services, ratings and timeliness / 中介机构主页");
        api.MapGet("/services", Services).AllowAnonymous().WithTags("Directory")
            .WithSummary("Published services of verified agencies / 中介服务清单");

        var own = api.MapGroup("/agency").WithTags("Agency").RequireAuthorization(Roles.Intermediary);
        own.MapGet("/", Own).WithSummary("Your agency's profile and its status / 本机构登记信息");
        own.MapPut("/", Register).WithSummary("Register or update your agency (back to 待审核 for the region admin) / 中介机构入驻登记");
        own.MapPut("/services", Publish).WithSummary("Publish a service of your agency for one service type / 发布中介服务");

        api.MapGet("/admin/agencies", Pending).RequireAuthorization(Roles.RegionAdmin).WithTags("Admin")
            .WithSummary("Region admin: the region's agencies, 待审核 first / 中介机构审核列表");
        api.MapPost("/agencies/{agency:guid}/review", Review).RequireAuthorization(Roles.RegionAdmin).WithTags("Admin")
            .WithSummary("Region admin: verify or refuse an agency, suspending certificates / 审核认证中介机构");
    }

    private static async Task<Ok<List<AgencyDto>>> Directory(string? serviceType, MarketplaceDbContext db, DeploymentRegion region, AgencyPages pages, CancellationToken ct)
    {
        var list = await db.Agencies.AsNoTracking().Where(a => a.RegionCode == region.Code && a.Status == AgencyStatus.Verified).OrderBy(a => a.Name).ToListAsync(ct);
        if (!string.IsNullOrEmpty(serviceType)) list = list.Where(a => a.ServiceTypes.Contains(serviceType)).ToList();
        return TypedResults.Ok(await pages.ViewAsync(list, ct));
    }

    private static async Task<Ok<AgencyDto>> Page(Guid agency, MarketplaceDbContext db, DeploymentRegion region, AgencyPages pages, CancellationToken ct)
    {
        var a = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == agency && x.RegionCode == region.Code && x.Status == AgencyStatus.Verified, ct)
            ?? throw new NotFoundException("Agency 中介机构", agency.ToString());
        return TypedResults.Ok((await pages.ViewAsync([a], ct))[0]);
    }

    private static async Task<Ok<List<ServiceDto>>> Services(string? serviceType, MarketplaceDbContext db, DeploymentRegion region, CancellationToken ct)
    {
        var rows = await (from s in db.Services.AsNoTracking()
                          join a in db.Agencies.AsNoTracking() on s.AgencyId equals a.Id
                          where a.RegionCode == region.Code && a.Status == AgencyStatus.Verified && (serviceType == null || s.ServiceType == serviceType)
                          orderby s.ServiceType, a.Name
                          select new { s, a }).Take(500).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(x => ServiceDto.From(x.s, x.a)).ToList());
    }

    private static async Task<Ok<AgencyDto>> Own(ClaimsPrincipal user, MarketplaceAccess access, AgencyPages pages, CancellationToken ct) =>
        TypedResults.Ok((await pages.ViewAsync([await access.RequireOwnAgencyAsync(user, ct)], ct))[0]);

    private static async Task<Ok<AgencyDto>> Register(AgencyProfile profile, ClaimsPrincipal user, MarketplaceDbContext db, MarketplaceAccess access,
        DeploymentRegion region, AgencyPages pages, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        if (user.OrganisationCode() is not { Length: > 0 } org || !user.InRegion(region.Code))
            throw new RequestRefusedException(StatusCodes.Status403Forbidden, "Forbidden / 禁止访问",
                "Only staff of an intermediary organisation of this region register an agency.", "只有本地区中介机构的工作人员可以登记。");
        var now = clock.GetUtcNow();
        var agency = await access.OwnAgencyAsync(user, ct);
        if (agency is null) db.Agencies.Add(agency = Agency.Register(org, region.Code, profile, now));
        else agency.Update(profile, now);
        audit.Add(AuditActions.StateChange, "agency", agency.Id.ToString(), $"登记 {agency.Name} ({agency.CreditCode})，待审核", region.Code);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await pages.ViewAsync([agency], ct))[0]);
    }

    private static async Task<Ok<ServiceDto>> Publish(PublishServiceRequest r, ClaimsPrincipal user, MarketplaceDbContext db, MarketplaceAccess access,
        TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var agency = await access.RequireOwnAgencyAsync(user, ct);
        var now = clock.GetUtcNow();
        var service = await db.Services.FirstOrDefaultAsync(s => s.AgencyId == agency.Id && s.ServiceType == r.ServiceType, ct);
        if (service is null) db.Services.Add(service = PublishedService.Publish(agency, r.ServiceType, now));
        service.Describe(r.Guide, r.Deliverables, r.FeeBasis, r.WorkingDays, now);
        audit.Add(AuditActions.StateChange, "agency-service", service.Id.ToString(), $"发布服务 {service.ServiceType}", agency.RegionCode);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ServiceDto.From(service, agency));
    }

    private static async Task<Ok<List<AgencyDto>>> Pending(ClaimsPrincipal user, MarketplaceDbContext db, AgencyPages pages, CancellationToken ct)
    {
        var region = user.RegionCode();
        var list = await db.Agencies.AsNoTracking().Where(a => a.RegionCode == region).OrderBy(a => a.Status).ThenBy(a => a.UpdatedAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(await pages.ViewAsync(list, ct));
    }

    private static async Task<Ok<AgencyDto>> Review(Guid agency, ReviewAgencyRequest r, ClaimsPrincipal user, MarketplaceDbContext db, AgencyPages pages,
        TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var a = await db.Agencies.FirstOrDefaultAsync(x => x.Id == agency, ct);
        if (a is null || !user.InRegion(a.RegionCode))
        {
            if (a is not null) await audit.DenyAsync("agency", a.Id.ToString(), "review: another region's admin", ct, a.RegionCode);
            throw new NotFoundException("Agency 中介机构", agency.ToString());
        }
        if (r.Verified is null) throw ValidationException.For("verified", "is required (true to verify, false to refuse)", "审核结论必填");
        var now = clock.GetUtcNow();
        a.Review(r.Verified.Value, r.SuspendedQualifications ?? [], r.Note, user.UserId(), now);
        db.AddOutboxEvent(new AgencyVerified(a.Id, a.RegionCode, a.OrgCode, a.Name, r.Verified.Value, a.ReviewNote, now), a.Id.ToString(), clock);
        audit.Add(AuditActions.StateChange, "agency", a.Id.ToString(),
            $"{a.Status.ChineseName()}{(r.SuspendedQualifications is { Count: > 0 } s ? $"，暂停资质 {string.Join(",", s)}" : "")}", a.RegionCode);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await pages.ViewAsync([a], ct))[0]);
    }
}

/// <summary>Agencies as the API shows them: qualifications as valid today on the region calendar, services, record.</summary>
public sealed class AgencyPages(MarketplaceDbContext db, CommissionViews views, WorkingCalendar calendar, TimeProvider clock)
{
    public async Task<List<AgencyDto>> ViewAsync(IReadOnlyList<Agency> agencies, CancellationToken ct)
    {
        var ids = agencies.Select(a => a.Id).ToList();
        var services = await db.Services.AsNoTracking().Where(s => ids.Contains(s.AgencyId)).ToListAsync(ct);
        var records = await views.RecordsAsync(ids, ct);
        var today = calendar.LocalDate(clock.GetUtcNow());
        return agencies.Select(a => new AgencyDto(a.Id, a.OrgCode, a.Name, a.CreditCode, a.Contact, a.StaffCount, a.FeeMin, a.FeeMax, a.ServiceTypes,
            a.Qualifications.Select(q => QualificationDto.From(q, today)).ToList(), new CodeName((int)a.Status, a.Status.ChineseName()), a.ReviewNote,
            a.ReviewedAt, services.Where(s => s.AgencyId == a.Id).Select(s => ServiceDto.From(s, a)).ToList(), records[a.Id], a.ServiceAreas)).ToList();
    }
}
