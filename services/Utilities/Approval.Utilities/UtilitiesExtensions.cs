using Approval.Calendar;
using Approval.Messaging;
using Approval.Messaging.Systems;
using Approval.Contracts.Events;
using Approval.ServiceDefaults;
using Approval.ServiceDefaults.Http;
using Approval.ServiceDefaults.Region;
using Approval.Utilities.Api;
using Approval.Utilities.Clients;
using Approval.Utilities.Data;
using Approval.Utilities.Domain;
using Microsoft.Extensions.Options;

namespace Approval.Utilities;

public static class UtilitiesExtensions
{
    public static IHostApplicationBuilder AddUtilities(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<UtilitiesDbContext>("utilities");
        // Utilities publishes UtilityApplied, UtilitySurveyed, UtilityStepRecorded, UtilityConnected; it consumes only CalendarYearUploaded.
        builder.AddApprovalMessaging<UtilitiesDbContext>("utilities", x => x.AddRuntimeCalendar());
        builder.AddAuditLog<UtilitiesDbContext>();
        // The utilities are organisations of the region pack; every step's clock runs on the region's calendar (regions/<code>/calendar.json).
        builder.AddDeploymentRegion();
        var calendarFile = Path.Combine(builder.Configuration.RegionPackFolder(), "calendar.json");
        builder.AddRuntimeCalendar(calendarFile); // the pack's calendar with the years uploaded in Approvals at run time
        builder.Services.Configure<UtilitiesOptions>(builder.Configuration.GetSection("Approval:Utilities"));
        builder.Services.AddSingleton(sp => new UtilityProviders(sp.GetRequiredService<IOptions<UtilitiesOptions>>().Value, sp.GetRequiredService<DeploymentRegion>()));
        builder.Services.AddScoped<UtilityViews>();
        builder.Services.AddHttpContextAccessor();
        // An application names the applicant's own project: Projects answers with the caller's token.
        builder.AddServiceClient<ProjectsClient>("projects");
        // The utilities' own systems (client credentials): Idempotency-Key on the steps, a signed webhook on each application.
        builder.AddOrganisationSystems<UtilitiesDbContext>();
        builder.AddWebhookOnEvent<UtilityApplied>("utility.applied", e => e.UtilityCode,
            e => new Dictionary<string, string> { ["request"] = $"/api/utilities/requests/{e.RequestId}", ["survey"] = $"/api/utilities/requests/{e.RequestId}/survey" });
        return builder;
    }

    public static WebApplication MapUtilitiesApi(this WebApplication app)
    {
        // Resolved once at start: a provider setting naming an unknown organisation or service type stops the service here.
        app.Services.GetRequiredService<UtilityProviders>();
        var api = app.MapGroup("/api/utilities").WithTags("Utilities").RequireAuthorization();
        ApplicationsApi.Map(api);
        RequestsApi.Map(api);
        app.MapAuditApi<UtilitiesDbContext>("/api/utilities/audit");
        app.MapWebhookRegistration<UtilitiesDbContext>("/api/utilities/providers", Roles.Utility, "utility-webhook", "Utilities");
        return app;
    }
}
