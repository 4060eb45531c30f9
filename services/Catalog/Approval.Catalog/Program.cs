using Approval.Catalog;
using Approval.Catalog.Data;
using Approval.Catalog.Import;
using Approval.Messaging;
using Approval.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCatalog();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapCatalogApi();

await app.MigrateDatabaseAsync<CatalogDbContext>();
await app.ImportRegionPackAsync();
app.Run();
