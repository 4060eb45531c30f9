using Approval.Supervision;
using Approval.Supervision.Api;
using Approval.Supervision.Data;
using Approval.ServiceDefaults;

// AddServiceDefaults, AddSupervision; the common pipeline and /health, then its endpoints; migrate, start (ApprovalService).
// Users store text here (建议投诉, 督办 notes): every body is bounded (RequestBodyLimit, 413 naming the limit).
await ApprovalService.RunAsync<SupervisionDbContext>(args, b => b.AddSupervision(), app =>
{
    app.UseRequestBodyLimit();
    app.MapSupervisionApi();
});
