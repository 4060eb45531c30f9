using Approval.ServiceDefaults;
using Approval.Utilities;
using Approval.Utilities.Data;

// AddServiceDefaults, AddUtilities; the common pipeline and /health, then its endpoints; migrate, start (ApprovalService).
await ApprovalService.RunAsync<UtilitiesDbContext>(args, b => b.AddUtilities(), app => app.MapUtilitiesApi());
