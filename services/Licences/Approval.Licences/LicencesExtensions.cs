using Approval.Licences.Api;
using Approval.Licences.Archives;
using Approval.Licences.Consumers;
using Approval.Licences.Clients;
using Approval.Licences.Data;
using Approval.Licences.Issuing;
using Approval.Licences.Jobs;
using Approval.Licences.Rendering;
using Approval.Licences.Sealing;
using Approval.Messaging;
using Approval.ServiceDefaults;
using Approval.ServiceDefaults.Http;
using Approval.ServiceDefaults.Region;
using Microsoft.Extensions.Options;
using Approval.ServiceDefaults.Options;

namespace Approval.Licences;

public static class LicencesExtensions
{
    public static IHostApplicationBuilder AddLicences(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<LicencesDbContext>("licences");
        builder.AddApprovalMessaging<LicencesDbContext>("licences", x =>
        {
            x.AddConsumer<ItemInstanceConcludedConsumer>();
            x.AddConsumer<ItemInstanceRevokedConsumer>();
            x.AddConsumer<ItemInstanceRecalledConsumer>();
        });

        builder.AddValidatedOptions<SealOptions>(SealOptions.Section);
        var development = builder.Environment.IsDevelopment();
        RequireDeploymentSettings(builder.Configuration.GetSection(SealOptions.Section).Get<SealOptions>() ?? new SealOptions(), development);
        builder.Services.AddSingleton(sp => new KeyProtector(KeyEncryptionKey(sp.GetRequiredService<IOptions<SealOptions>>().Value.SealKeyEncryptionKey, "SealKeyEncryptionKey")!));
        builder.Services.AddScoped(sp => new SealKeyRewrap(sp.GetRequiredService<LicencesDbContext>(), sp.GetRequiredService<KeyProtector>(),
            KeyEncryptionKey(sp.GetRequiredService<IOptions<SealOptions>>().Value.PreviousSealKeyEncryptionKey, "PreviousSealKeyEncryptionKey", optional: true)
                is { } previous ? new KeyProtector(previous) : null, sp.GetRequiredService<ILogger<SealKeyRewrap>>()));
        // The organisation record (region pack): seals are provisioned with a department's name and credit code from it.
        builder.AddDeploymentRegion();
        builder.Services.AddScoped<DepartmentIssue>();
        builder.AddServiceClient<ApprovalsClient>("approvals");
        builder.Services.AddSingleton<LicencePdfRenderer>();
        builder.Services.AddSingleton<SealSigner>();
        builder.Services.AddScoped<SealRegistry>();
        builder.Services.AddScoped<LicenceSealer>();
        builder.Services.AddScoped<LicenceIssuer>();
        builder.Services.AddScoped<UnsealedLicences>();
        builder.Services.AddScoped<ArchiveBuilder>();
        builder.Services.AddHostedService<LicenceExpirySweeper>();
        builder.AddServiceClient<IntakeClient>("intake");
        builder.AddAuditLog<LicencesDbContext>();
        return builder;
    }

    public static WebApplication MapLicencesApi(this WebApplication app)
    {
        LicencesApi.Map(app);
        VerificationApi.Map(app);
        SealsApi.Map(app);
        ArchivesApi.Map(app);
        app.MapAuditApi<LicencesDbContext>("/api/licences/audit");
        return app;
    }

    /// <summary>
    /// Creates the region root and archive seals if missing (after the migration), then seals the licences issued
    /// before seals existed, so every licence in the library verifies.
    /// </summary>
    public static async Task EnsureRegionSealsAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SealKeyRewrap>().RewrapAsync(app.Lifetime.ApplicationStopping);
        await scope.ServiceProvider.GetRequiredService<SealRegistry>().EnsureRegionSealsAsync(app.Lifetime.ApplicationStopping);
        await scope.ServiceProvider.GetRequiredService<UnsealedLicences>().SealAllAsync(app.Lifetime.ApplicationStopping);
        await scope.ServiceProvider.GetRequiredService<LicencesDbContext>().AssignDeploymentRegionAsync(
            scope.ServiceProvider.GetRequiredService<DeploymentRegion>().Code, app.Lifetime.ApplicationStopping);
    }

    /// <summary>
    /// Outside Development the QR codes must point at the deployment's public address and the seal keys must not be
    /// protected by the published sample key: the service refuses to start otherwise.
    /// </summary>
    private static void RequireDeploymentSettings(SealOptions options, bool development)
    {
        if (development) return;
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl) || !Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out _))
            throw new InvalidOperationException($"{SealOptions.Section}:PublicBaseUrl (the public gateway address the QR codes point at) must be configured outside Development.");
        if (string.Equals(options.SealKeyEncryptionKey, SealOptions.SampleKeyEncryptionKey, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{SealOptions.Section}:SealKeyEncryptionKey is the public local-development sample key; configure the deployment's own key.");
    }

    /// <summary>A configured SM4 key of 32 hex digits (the AppHost passes a local-development one); null for an optional one not set.</summary>
    private static byte[]? KeyEncryptionKey(string? hex, string setting, bool optional = false)
    {
        if (string.IsNullOrWhiteSpace(hex))
            return optional ? null : throw new InvalidOperationException($"{SealOptions.Section}:{setting} (32 hex digits) must be configured to protect seal keys.");
        if (hex.Length != 32 || !hex.All(char.IsAsciiHexDigit))
            throw new InvalidOperationException($"{SealOptions.Section}:{setting} must be 32 hex digits (an SM4-128 key).");
        return Convert.FromHexString(hex);
    }
}
