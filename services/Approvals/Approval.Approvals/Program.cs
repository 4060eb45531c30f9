using Approval.Approvals;
using Approval.Approvals.Data;
using Approval.Approvals.Calendars;
using Approval.Messaging;
using Approval.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApprovals();

var app = builder.Build();
app.UseServiceDefaults();
app.UseRequestBodyLimit();
app.MapDefaultEndpoints();
app.MapApprovalsApi();

app.Services.GetRequiredService<CalendarProvider>(); // an invalid calendar stops the start, listing its errors
await app.MigrateDatabaseAsync<ApprovalsDbContext>();
await app.LoadUploadedCalendarYearsAsync();
app.Run();
