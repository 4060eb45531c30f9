using Approval.Gateway;
using Approval.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapGateway();
app.Run();
