using Approval.Catalog;
using Approval.Catalog.Data;
using Approval.Catalog.Import;
using Approval.ServiceDefaults;

// AddServiceDefaults, AddCatalog; the common pipeline and /health, then its endpoints; migrate, start (ApprovalService).
await ApprovalService.RunAsync<CatalogDbContext>(args, b => b.AddCatalog(), app => app.MapCatalogApi(), app => app.ImportRegionPackAsync());
