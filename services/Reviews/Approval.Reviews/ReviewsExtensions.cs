using System.Text.Json;
using Approval.Calendar;
using Approval.Messaging;
using Approval.Messaging.Systems;
using Approval.Contracts.Events;
using Approval.Reviews.Api;
using Approval.Reviews.Clients;
using Approval.Reviews.Data;
using Approval.Reviews.Domain;
using Approval.ServiceDefaults;
using Approval.ServiceDefaults.Http;
using Approval.ServiceDefaults.Region;

namespace Approval.Reviews;

public static class ReviewsExtensions
{
    public static IHostApplicationBuilder AddReviews(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ReviewsDbContext>("reviews");
        // Reviews publishes ReviewCommissioned … ReviewConcluded, ProjectMaterialDelivered; it consumes only CalendarYearUploaded.
        builder.AddApprovalMessaging<ReviewsDbContext>("reviews", x => x.AddRuntimeCalendar());
        builder.AddAuditLog<ReviewsDbContext>();
        // The agencies are organisations of the region pack; the clocks run on its calendar; the limits are its catalog items'.
        builder.AddDeploymentRegion();
        var pack = builder.Configuration.RegionPackFolder();
        var calendarFile = Path.Combine(pack, "calendar.json");
        builder.AddRuntimeCalendar(calendarFile); // the pack's calendar with the years uploaded in Approvals at run time
        var options = builder.Configuration.GetSection("Approval:Reviews").Get<ReviewsOptions>() ?? new ReviewsOptions();
        builder.Services.AddSingleton(sp => new ReviewCatalog(CatalogLimits(pack), options.Qualifications,
            sp.GetRequiredService<DeploymentRegion>().Departments.ToDictionary(d => d.Code, d => d.Name)));
        builder.Services.AddScoped<ReviewAccess>();
        builder.Services.AddScoped<WorkingCalendarToday>();
        builder.Services.AddHttpContextAccessor();
        builder.AddServiceClient<ProjectsClient>("projects");
        builder.AddServiceClient<SealingClient>("licences");
        // The agencies' own systems (client credentials): Idempotency-Key on the agency's steps, a signed webhook on commission.
        builder.AddOrganisationSystems<ReviewsDbContext>();
        builder.AddWebhookOnEvent<ReviewCommissioned>("review.commissioned", e => e.AgencyCode,
            e => new Dictionary<string, string> { ["review"] = $"/api/reviews/{e.ReviewId}", ["start"] = $"/api/reviews/{e.ReviewId}/start" });
        return builder;
    }

    public static WebApplication MapReviewsApi(this WebApplication app)
    {
        AgencyApi.Map(ReviewsApi.Map(app));
        app.MapAuditApi<ReviewsDbContext>("/api/reviews/audit");
        app.MapWebhookRegistration<ReviewsDbContext>("/api/reviews/agencies", Roles.ReviewAgency, "agency-webhook", "Reviews");
        return app;
    }

    /// <summary>Each catalog item's time limit in working days (items[].code, timeLimitWorkingDays of the region pack).</summary>
    private static Dictionary<string, int> CatalogLimits(string pack)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "catalog.json")));
        return document.RootElement.TryGetProperty("items", out var items)
            ? items.EnumerateArray()
                .Where(i => i.TryGetProperty("timeLimitWorkingDays", out var d) && d.ValueKind == JsonValueKind.Number)
                .ToDictionary(i => i.GetProperty("code").GetString()!, i => i.GetProperty("timeLimitWorkingDays").GetInt32())
            : [];
    }
}
