using Approval.Approvals.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Approval.Approvals.Api;
using Approval.Approvals.Calendars;
using Approval.Approvals.Consumers;
using Approval.Approvals.Data;
using Approval.Calendar;
using Approval.Messaging;
using Approval.Messaging.Systems;
using Approval.ServiceDefaults;
using Approval.ServiceDefaults.Region;
using Approval.ServiceDefaults.Http;
using Approval.ServiceDefaults.Options;

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
            x.AddConsumer<ReviewConcludedConsumer>();
        });
        // The region's working-day calendar and warning rule (regions/<code>/calendar.json) drive every clock.
        builder.AddDeploymentRegion();
        var calendarFile = Path.Combine(builder.Configuration.RegionPackFolder(), "calendar.json");
        // The pack's years plus the years the region admin uploaded at run time (calendar_years), re-read every few seconds:
        // each request resolves the calendar of that moment once.
        builder.Services.AddSingleton(_ => new CalendarProvider(CalendarFile.Load(calendarFile)));
        builder.Services.AddScoped(sp => sp.GetRequiredService<CalendarProvider>().Current);
        builder.Services.AddHostedService<CalendarRefresh>();
        builder.Services.AddSingleton(_ => CalendarFile.LoadWarning(calendarFile));
        builder.Services.AddHealthChecks().AddCheck<CalendarHealthCheck>("calendar", HealthStatus.Degraded);
        builder.Services.AddScoped<ItemViews>();
        builder.Services.AddScoped<ItemCommands>();
        builder.AddOrganisationSystems<ApprovalsDbContext>();
        builder.Services.AddScoped<DepartmentSystemApi.Inbound>();
        builder.Services.AddHttpContextAccessor();
        builder.AddServiceClient<Clients.ReviewsClient>("reviews"); // the project clock's technical reviews
        builder.AddAuditLog<ApprovalsDbContext>();
        return builder;
    }

    public static WebApplication MapApprovalsApi(this WebApplication app)
    {
        ItemInstancesApi.Map(app);
        // A department registers its own system's endpoint and reads the delivery log.
        app.MapWebhookRegistration<ApprovalsDbContext>("/api/approvals/departments", Roles.Department, "department-webhook", "Department systems");
        StagesApi.Map(app);
        ConsultationsApi.Map(app);
        ApplicationItemsApi.Map(app);
        ProjectClockApi.Map(app);
        CalendarApi.Map(app);
        DepartmentSystemApi.Map(app);
        app.MapAuditApi<ApprovalsDbContext>("/api/approvals/audit");
        return app;
    }

    /// <summary>Reads the uploaded calendar years once before the first request (the refresh job keeps them current after).</summary>
    public static async Task LoadUploadedCalendarYearsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await app.Services.GetRequiredService<CalendarProvider>().RefreshAsync(scope.ServiceProvider.GetRequiredService<ApprovalsDbContext>(), default);
    }
}
