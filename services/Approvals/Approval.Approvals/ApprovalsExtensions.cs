using Approval.Approvals.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Approval.Approvals.Api;
using Approval.Approvals.Consumers;
using Approval.Approvals.Data;
using Approval.Approvals.Jobs;
using Approval.Approvals.Webhooks;
using Approval.Calendar;
using Approval.Messaging;
using Approval.ServiceDefaults;
using Approval.ServiceDefaults.Region;
using Approval.ServiceDefaults.Http;

namespace Approval.Approvals;

public static class ApprovalsExtensions
{
    public static IHostApplicationBuilder AddApprovals(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ApprovalsDbContext>("approvals");
        builder.AddApprovalMessaging<ApprovalsDbContext>("approvals", x =>
        {
            x.AddConsumer<ApplicationAcceptedConsumer>();
            x.AddConsumer<ItemCorrectionAnsweredConsumer>();
        });
        // The region's working-day calendar and warning rule (regions/<code>/calendar.json) drive every clock.
        builder.AddDeploymentRegion();
        var calendarFile = Path.Combine(builder.Configuration.RegionPackFolder(), "calendar.json");
        builder.Services.AddSingleton(_ => CalendarFile.Load(calendarFile));
        builder.Services.AddSingleton(_ => CalendarFile.LoadWarning(calendarFile));
        builder.Services.AddHealthChecks().AddCheck<CalendarHealthCheck>("calendar", HealthStatus.Degraded);
        builder.Services.AddScoped<ItemViews>();
        builder.Services.AddScoped<ItemCommands>();
        builder.Services.AddScoped<Idempotency>();
        builder.Services.Configure<IdempotencyOptions>(builder.Configuration.GetSection("Approval:Idempotency"));
        builder.Services.AddHostedService<IdempotencyCleanup>();
        builder.Services.AddScoped<DepartmentSystemApi.Inbound>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection("Approval:Webhooks"));
        builder.Services.AddSingleton(sp => new WebhookTarget(WebhookAddressPolicy.From(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebhookOptions>>().Value)));
        builder.Services.AddHostedService<WebhookDispatcher>();
        builder.AddAuditLog<ApprovalsDbContext>();
        return builder;
    }

    public static WebApplication MapApprovalsApi(this WebApplication app)
    {
        ItemInstancesApi.Map(app);
        WebhooksApi.Map(app);
        StagesApi.Map(app);
        ApplicationItemsApi.Map(app);
        ProjectClockApi.Map(app);
        DepartmentSystemApi.Map(app);
        app.MapAuditApi<ApprovalsDbContext>("/api/approvals/audit");
        return app;
    }
}
