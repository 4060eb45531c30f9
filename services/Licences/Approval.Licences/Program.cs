using Approval.Licences;
using Approval.Licences.Data;
using Approval.ServiceDefaults;

// AddServiceDefaults, AddLicences; the common pipeline and /health, then its endpoints; migrate, start (ApprovalService).
await ApprovalService.RunAsync<LicencesDbContext>(args, b => b.AddLicences(), app => app.MapLicencesApi(), app => app.EnsureRegionSealsAsync());
