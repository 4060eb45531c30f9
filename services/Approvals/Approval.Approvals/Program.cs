using Approval.Approvals;
using Approval.Approvals.Calendars;
using Approval.Calendar;
using Approval.Approvals.Data;
using Approval.ServiceDefaults;

// AddServiceDefaults, AddApprovals; the common pipeline and /health, then its endpoints; migrate, then the uploaded
// calendar years (issue 15 item 9), then start (ApprovalService).
await ApprovalService.RunAsync<ApprovalsDbContext>(args, b => b.AddApprovals(), app =>
{
    app.UseRequestBodyLimit();
    app.MapApprovalsApi();
    app.Services.GetRequiredService<CalendarProvider>(); // an invalid calendar stops the start, listing its errors
}, app => app.LoadUploadedCalendarYearsAsync());
