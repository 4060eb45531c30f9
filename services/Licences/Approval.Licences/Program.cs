using Approval.Licences;
using Approval.Licences.Data;
using Approval.Messaging;
using Approval.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddLicences();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapLicencesApi();

await app.MigrateDatabaseAsync<LicencesDbContext>();
await app.EnsureRegionSealsAsync();
app.Run();
