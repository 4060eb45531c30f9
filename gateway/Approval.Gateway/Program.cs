using Approval.Gateway;
using Approval.ServiceDefaults;
using Approval.ServiceDefaults.Http;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
// First, so that every answer — proxied, the gateway's own, a 429 — carries them.
app.UseSecurityHeaders(GatewayExtensions.ContentSecurityPolicy, keepOwnPolicy: true);
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapGateway();
app.Run();
