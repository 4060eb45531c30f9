using Approval.Approvals.Api;
using Approval.Approvals.Catalog;
using Approval.Approvals.Consumers;
using Approval.Approvals.Data;
using Approval.Approvals.Jobs;
using Approval.Approvals.Webhooks;
using Approval.Calendar;
using Approval.Messaging;
using Approval.ServiceDefaults;
using Approval.ServiceDefaults.Audit;

namespace Approval.Approvals;

public static class ApprovalsExtensions
{
    public static IHostApplicationBuilder AddApprovals(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ApprovalsDbContext>("approvals");
        builder.AddApprovalMessaging<ApprovalsDbContext>("approvals", x => x.AddConsumer<ApplicationAcceptedConsumer>());
        // The region's working-day calendar and warning rule (regions/<code>/calendar.json) drive every clock.
        var regionPack = builder.Configuration["Approval:RegionPack"]
            ?? throw new InvalidOperationException("Approval:RegionPack (the region pack folder) is not configured.");
        var calendarFile = Path.Combine(regionPack, "calendar.json");
        builder.Services.AddSingleton(_ => DeploymentRegion.FromPack(regionPack));
        builder.Services.AddSingleton(_ => CalendarFile.Load(calendarFile));
        builder.Services.AddSingleton(_ => CalendarFile.LoadWarning(calendarFile));
        builder.Services.AddScoped<ItemViews>();
        builder.Services.AddScoped<ItemCommands>();
        builder.Services.AddScoped<Idempotency>();
        builder.Services.Configure<IdempotencyOptions>(builder.Configuration.GetSection("Approval:Idempotency"));
        builder.Services.AddHostedService<IdempotencyCleanup>();
        builder.Services.AddScoped<DepartmentSystemApi.Inbound>();
        builder.Services.AddHttpContextAccessor();
        // The Catalog is queried over HTTP (service discovery + the standard resilience handler), never its database.
        builder.Services.AddHttpClient<CatalogStageClient>(c => c.BaseAddress = new Uri(builder.Configuration["Approval:CatalogUrl"] ?? "http://catalog"));
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
