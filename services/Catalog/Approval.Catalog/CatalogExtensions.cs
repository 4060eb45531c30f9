using Approval.Catalog.Api;
using Approval.Catalog.Data;
using Approval.Catalog.Import;
using Approval.Messaging;

namespace Approval.Catalog;

public static class CatalogExtensions
{
    public static IHostApplicationBuilder AddCatalog(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CatalogDbContext>("catalog");
        builder.Services.AddScoped<RegionPackImporter>();
        return builder;
    }

    public static WebApplication MapCatalogApi(this WebApplication app)
    {
        CatalogApi.Map(app);
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
