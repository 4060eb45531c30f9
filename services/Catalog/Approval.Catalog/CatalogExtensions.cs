using Approval.Catalog.Api;
using Approval.Catalog.Data;
using Approval.Catalog.Import;
using Approval.Messaging;
using Approval.ServiceDefaults;

namespace Approval.Catalog;

public static class CatalogExtensions
{
    public static IHostApplicationBuilder AddCatalog(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CatalogDbContext>("catalog");
        // The catalog consumes nothing; it publishes its changes (CatalogItemPublished, CatalogFaqPublished) through the outbox.
        builder.AddApprovalMessaging<CatalogDbContext>("catalog", _ => { });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(CatalogEditorApi.Policy, p => p.RequireRole(CatalogEditorApi.Roles));
        builder.Services.AddScoped<RegionPackImporter>();
        return builder;
    }

    public static WebApplication MapCatalogApi(this WebApplication app)
    {
        app.UseMiddleware<ETagMiddleware>();
        CatalogApi.Map(app);
        CatalogEditorApi.Map(app);
        ConsultationApi.Map(app);
        return app;
    }

    /// <summary>Imports the region pack named by Approval:RegionPack (a folder holding catalog.json).</summary>
    public static async Task ImportRegionPackAsync(this WebApplication app)
    {
        var folder = app.Configuration["Approval:RegionPack"]
            ?? throw new InvalidOperationException("Approval:RegionPack (the region pack folder) is not configured.");
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RegionPackImporter>().ImportAsync(folder, CancellationToken.None);
    }
}
