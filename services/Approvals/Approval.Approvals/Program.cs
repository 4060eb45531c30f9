using Approval.Approvals;
using Approval.Approvals.Data;
using Approval.Calendar;
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

app.Services.GetRequiredService<WorkingCalendar>(); // an invalid calendar stops the start, listing its errors
await app.MigrateDatabaseAsync<ApprovalsDbContext>();
app.Run();
