using Approval.Licences.Api;
using Approval.Licences.Consumers;
using Approval.Licences.Data;
using Approval.Messaging;
using Approval.ServiceDefaults.Audit;

namespace Approval.Licences;

public static class LicencesExtensions
{
    public static IHostApplicationBuilder AddLicences(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<LicencesDbContext>("licences");
        builder.AddApprovalMessaging<LicencesDbContext>("licences", x => x.AddConsumer<ItemInstanceConcludedConsumer>());
        builder.AddAuditLog<LicencesDbContext>();
        return builder;
    }

    public static WebApplication MapLicencesApi(this WebApplication app)
    {
        LicencesApi.Map(app);
        app.MapAuditApi<LicencesDbContext>("/api/licences/audit");
        return app;
    }
}
