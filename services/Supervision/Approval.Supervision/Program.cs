using Approval.Supervision;
using Approval.Supervision.Api;
using Approval.Supervision.Data;
using Approval.ServiceDefaults;

// AddServiceDefaults, AddSupervision; the common pipeline and /health, then its endpoints; migrate, start (ApprovalService).
await ApprovalService.RunAsync<SupervisionDbContext>(args, b => b.AddSupervision(), app => app.MapSupervisionApi());
