using Approval.Intake;
using Approval.Intake.Data;
using Approval.Messaging;
using Approval.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIntake();

var app = builder.Build();
app.UseServiceDefaults();
app.UseRequestBodyLimit();
app.MapDefaultEndpoints();
app.MapIntakeApi();

await app.MigrateDatabaseAsync<IntakeDbContext>();
app.Run();
