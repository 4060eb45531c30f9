using Approval.Marketplace;
using Approval.Marketplace.Data;
using Approval.ServiceDefaults;

// AddServiceDefaults, AddMarketplace; the common pipeline and /health, then its endpoints; migrate, start (ApprovalService).
await ApprovalService.RunAsync<MarketplaceDbContext>(args, b => b.AddMarketplace(), app => app.MapMarketplaceApi());
