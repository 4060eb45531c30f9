using Approval.Portal;
using Approval.Portal.Data;
using Approval.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
// The build output serves _content/AntDesign and _framework files in every environment (not only Development).
builder.WebHost.UseStaticWebAssets();
builder.AddServiceDefaults();
builder.AddPortal();

var app = builder.Build();
app.UsePortal();
await app.MigrateDatabaseAsync<PortalDbContext>();
app.Run();
