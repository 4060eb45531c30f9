using Approval.Approvals;
using Approval.Approvals.Data;
using Approval.Calendar;
using Approval.ServiceDefaults;

// AddServiceDefaults, AddApprovals; the common pipeline and /health, then its endpoints; migrate, start (ApprovalService).
await ApprovalService.RunAsync<ApprovalsDbContext>(args, b => b.AddApprovals(), app =>
{
    app.UseRequestBodyLimit();
    app.MapApprovalsApi();
    app.Services.GetRequiredService<WorkingCalendar>(); // an invalid calendar stops the start, listing its errors
});
