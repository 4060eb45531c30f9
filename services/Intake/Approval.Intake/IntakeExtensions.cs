using Approval.Intake.Api;
using Approval.Intake.Clients;
using Approval.Intake.Consumers;
using Approval.Intake.Data;
using Approval.Intake.Materials;
using Approval.Messaging;
using Approval.ServiceDefaults;
using Approval.ServiceDefaults.Region;
using Approval.ServiceDefaults.Http;
using Approval.ServiceDefaults.Options;

namespace Approval.Intake;

public static class IntakeExtensions
{
    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IntakeDbContext>("intake");
        builder.AddApprovalMessaging<IntakeDbContext>("intake", x =>
        {
            x.AddConsumer<ItemInstanceStatusChangedConsumer>();
            x.AddConsumer<ItemCorrectionRequestedConsumer>();
            x.AddConsumer<LicenceIssuedConsumer>();
            x.AddConsumer<LicenceRevokedConsumer>();
            x.AddConsumer<LicenceExpiredConsumer>();
            x.AddConsumer<StageInstanceConcludedConsumer>();
            x.AddConsumer<StageInstanceReopenedConsumer>();
            x.AddConsumer<ProjectMaterialDeliveredConsumer>();
        });
        // Catalog is queried over HTTP (service discovery + the standard resilience handler), never its database.
        builder.AddAuditLog<IntakeDbContext>();
        builder.AddDeploymentRegion();
        builder.AddValidatedOptions<IntakeLimits>("Approval:Intake:Limits");
        builder.Services.AddSingleton<ProgressStreamGate>();
        builder.Services.AddScoped<ApplicationSubmission>();
        builder.Services.AddScoped<MaterialAttachment>();
        builder.Services.AddScoped<FormKnownValues>();
        builder.Services.AddHttpContextAccessor();
        builder.AddServiceClient<ProjectsClient>("projects");
        var materials = builder.Configuration["Approval:Intake:MaterialsPath"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(builder.Environment.ContentRootPath, ".local", "materials");
        builder.Services.AddSingleton<IMaterialStore>(sp => new DiskMaterialStore(materials, sp.GetRequiredService<TimeProvider>()));
        builder.AddServiceClient<CatalogClient>("catalog");
        // Utilities confirms a utility's connection application before Intake shows it a project's design materials.
        builder.AddServiceClient<UtilitiesClient>("utilities");
        return builder;
    }

    public static WebApplication MapIntakeApi(this WebApplication app)
    {
        var applications = ApplicationsApi.Map(app);
        CorrectionsApi.Map(applications);
        ItemCorrectionsApi.Map(applications);
        ConsultationsApi.Map(app, applications);
        MaterialsApi.Map(app, applications);
        ProgressStreamApi.Map(applications);
        ResultsApi.Map(applications);
        WindowMaterialsApi.Map(applications);
        DraftsApi.Map(app);
        PrefillApi.Map(app);
        DesignMaterialsApi.Map(app);
        app.MapAuditApi<IntakeDbContext>("/api/intake/audit");
        return app;
    }
}
