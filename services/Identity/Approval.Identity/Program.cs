using Approval.Identity;
using Approval.Identity.Data;
using Approval.Messaging;
using Approval.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityServer();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapIdentityServer();

await app.MigrateDatabaseAsync<IdentityDbContext>();
await app.SeedIdentityAsync();
app.Run();
