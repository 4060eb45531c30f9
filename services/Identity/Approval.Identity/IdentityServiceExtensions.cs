using Approval.Identity.Api;
using Approval.Identity.Clients;
using Approval.Identity.Connect;
using Approval.Identity.Data;
using Approval.Identity.Domain;
using Approval.Identity.Federation;
using Approval.Identity.Seed;
using Approval.ServiceDefaults;
using Approval.ServiceDefaults.Region;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Approval.Identity;

public static class IdentityServiceExtensions
{
    public static IHostApplicationBuilder AddIdentityServer(this IHostApplicationBuilder builder)
    {
        StartupChecks.ThrowIfUnsafe(builder.Configuration, builder.Environment);
        builder.AddServiceDatabase<IdentityDbContext>("identity");
        builder.AddDataProtectionKeys<IdentityDbContext>("approval-identity");
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddDeploymentRegion();

        builder.Services.AddIdentityCore<ApprovalUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("Approval:Identity:MaxFailedAccessAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.ClaimsIdentity.UserIdClaimType = Claims.Subject;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<IdentityDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<IdentitySessions.PrincipalFactory>()
            .AddDefaultTokenProviders();
        builder.Services.AddAuthentication().AddIdentityCookies();
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = IdentitySessions.KeepSessionId);
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = builder.Configuration["Approval:Identity:CookieName"] ?? "approval.signin";
            o.LoginPath = "/api/identity/login";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
        });

        var openIddict = builder.Services.AddOpenIddict();
        if (ProvincialFederation.IsConfigured(builder.Configuration)) openIddict.AddProvincialClient(builder.Configuration);
        openIddict
            .AddCore(o =>
            {
                o.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>();
                // Client secret rotation with a grace period (Clients/ApprovalApplicationManager).
                o.ReplaceApplicationManager<OpenIddictEntityFrameworkCoreApplication, ApprovalApplicationManager>();
            })
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetRevocationEndpointUris("connect/revoke")
                    .SetEndSessionEndpointUris("connect/endsession");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange().AllowClientCredentialsFlow().AllowRefreshTokenFlow();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess);
                o.RegisterClaims(Claims.Subject, Claims.Name, Claims.Role, ApprovalClaims.Organisation, ApprovalClaims.Region, Claims.PhoneNumber,
                    ApprovalClaims.RealNameNumber);
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(builder.Configuration.GetValue("Approval:Identity:AccessTokenMinutes", 60)));
                if (builder.Configuration["Approval:Identity:Issuer"] is { Length: > 0 } issuer) o.SetIssuer(new Uri(issuer));
                // The discovery document names every endpoint under the issuer, the public address clients reach (the
                // gateway), not the host the request arrived at (identity's own, behind the gateway).
                o.AddEventHandler<OpenIddictServerEvents.HandleConfigurationRequestContext>(handler => handler
                    .UseInlineHandler(context =>
                    {
                        if (context.Options.Issuer is { } configured) context.BaseUri = configured;
                        return default;
                    })
                    .SetOrder(OpenIddictServerHandlers.Discovery.AttachEndpoints.Descriptor.Order - 1));
                SigningKeys.Configure(o, builder.Configuration);
                // JWS access tokens, so the gateway and every service validate them with plain JwtBearer.
                o.DisableAccessTokenEncryption();
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough().EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        builder.AddAuditLog<IdentityDbContext>();
        builder.Services.AddScoped<TokenPrincipals>();
        builder.Services.AddScoped<IdentitySeeder>();
        builder.Services.AddScoped<Clients.SystemClients>();
        builder.Services.AddScoped<SignInLockout>();
        builder.Services.AddSingleton<IRealNameVerifier, ChecksumRealNameVerifier>();
        return builder;
    }

    public static WebApplication MapIdentityServer(this WebApplication app)
    {
        ConnectEndpoints.Map(app);
        AccountsApi.Map(app);
        AdminApi.Map(app);
        AccountSearchApi.Map(app);
        StaffApi.Map(app);
        ClientsApi.Map(app);
        if (ProvincialFederation.IsConfigured(app.Configuration)) FederationEndpoints.Map(app);
        app.MapAuditApi<IdentityDbContext>("/api/identity/audit");
        return app;
    }

    public static async Task SeedIdentityAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync(app.Configuration.RegionPackFolder(), CancellationToken.None);
    }
}
