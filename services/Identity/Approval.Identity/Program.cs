using Approval.Identity;
using Approval.Identity.Data;
using Approval.ServiceDefaults;
using Microsoft.AspNetCore.HttpOverrides;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityServer();

var app = builder.Build();
// The client address of a sign-in (lockout per account and address, the audit log) is the one the gateway saw. Until
// the service defaults do this for every service, Identity reads X-Forwarded-For itself, from a loopback proxy only
// (ASP.NET Core's default known proxies), so a client cannot choose its own address.
app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor });
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapIdentityServer();

await app.MigrateDatabaseAsync<IdentityDbContext>();
await app.SeedIdentityAsync();
app.Run();
