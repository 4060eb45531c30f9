using Approval.Approvals;
using Approval.Approvals.Data;
using Approval.Messaging;
using Approval.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApprovals();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapApprovalsApi();

await app.MigrateDatabaseAsync<ApprovalsDbContext>();
app.Run();
