using Approval.Catalog.Data;

namespace Approval.Catalog.Api;

/// <summary>
/// The catalog holds one region's items (its region pack). Its staff routes — the editor's versions, a department's
/// questions — serve that region's staff only: a catalog editor or department of another region holding the same role
/// (or the same department code) is told the object does not exist (404), as everywhere else in the suite.
/// </summary>
public static class CatalogRegionStaff
{
    public static TBuilder ForCatalogRegionStaff<TBuilder>(this TBuilder builder, string what, string routeValue)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var db = http.RequestServices.GetRequiredService<CatalogDbContext>();
            var region = await db.Regions.AsNoTracking().Select(r => r.Code).FirstOrDefaultAsync(http.RequestAborted);
            if (region is null || !http.User.InRegion(region))
                throw new NotFoundException(what, http.GetRouteValue(routeValue)?.ToString() ?? "");
            return await next(context);
        });
}
