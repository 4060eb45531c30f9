using Approval.Calendar;
using Approval.Marketplace.Api;
using Approval.Marketplace.Clients;
using Approval.Marketplace.Data;
using Approval.Messaging;
using Approval.Messaging.Systems;
using Approval.Contracts.Events;
using Approval.ServiceDefaults;
using Approval.ServiceDefaults.Http;
using Approval.ServiceDefaults.Options;
using Approval.ServiceDefaults.Region;

namespace Approval.Marketplace;

public static class MarketplaceExtensions
{
    public static IHostApplicationBuilder AddMarketplace(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<MarketplaceDbContext>("marketplace");
        // The marketplace publishes AgencySelected, CommissionAccepted, DeliverableDelivered, ProjectMaterialDelivered …; it consumes only CalendarYearUploaded.
        builder.AddApprovalMessaging<MarketplaceDbContext>("marketplace", x => x.AddRuntimeCalendar());
        builder.AddAuditLog<MarketplaceDbContext>();
        builder.AddDeploymentRegion();
        // The region's working-day calendar and warning rule (regions/<code>/calendar.json) drive the commission clocks.
        var calendarFile = Path.Combine(builder.Configuration.RegionPackFolder(), "calendar.json");
        builder.AddRuntimeCalendar(calendarFile); // the pack's calendar with the years uploaded in Approvals at run time
        builder.AddValidatedOptions<MarketplaceOptions>("Approval:Marketplace");
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<MarketplaceAccess>();
        builder.Services.AddScoped<CommissionViews>();
        builder.Services.AddScoped<AgencyPages>();
        builder.Services.AddScoped<SelectionRules>();
        // Project ownership comes from Projects, seals from Licences — each called with the caller's own token.
        builder.AddServiceClient<ProjectsClient>("projects");
        builder.AddServiceClient<SealingClient>("licences");
        // The intermediaries' own systems (client credentials): Idempotency-Key on the agency's steps, a signed webhook on each
        // commission offered (the event names the agency by id; its organisation code is the marketplace's own record).
        builder.AddOrganisationSystems<MarketplaceDbContext>();
        builder.AddWebhookOnEvent<AgencySelected, MarketplaceDbContext>("commission.offered",
            (e, db, ct) => db.Agencies.Where(a => a.Id == e.AgencyId).Select(a => (string?)a.OrgCode).FirstOrDefaultAsync(ct),
            e => new Dictionary<string, string> { ["commission"] = $"/api/marketplace/commissions/{e.CommissionId}", ["accept"] = $"/api/marketplace/commissions/{e.CommissionId}/accept" });
        return builder;
    }

    public static WebApplication MapMarketplaceApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/marketplace");
        AgenciesApi.Map(api);
        SelectionsApi.Map(api);
        QuotesApi.Map(api);
        CommissionsApi.Map(api);
        app.MapAuditApi<MarketplaceDbContext>("/api/marketplace/audit");
        app.MapWebhookRegistration<MarketplaceDbContext>("/api/marketplace/intermediaries", Roles.Intermediary, "intermediary-webhook", "Agency");
        return app;
    }
}
