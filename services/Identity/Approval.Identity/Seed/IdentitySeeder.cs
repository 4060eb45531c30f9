using Approval.Contracts.Codes;
using Approval.Identity.Clients;
using Approval.Identity.Data;
using Approval.Identity.Domain;
using Approval.ServiceDefaults.Region;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Approval.Identity.Seed;

/// <summary>
/// Seeds, idempotently and under an advisory lock (replicas start together): the region pack's
/// organisations, the roles, the region admin, the portal client (code + PKCE; its redirect URIs follow the
/// configuration on every start) and the organisations' system clients (<see cref="SystemClients"/>: one per department
/// and per provider role, each with its own secret); with Approval:Identity:SeedDemo also the demo users of the README.
/// </summary>
public sealed class IdentitySeeder(
    IdentityDbContext db, RoleManager<IdentityRole> roles, UserManager<ApprovalUser> users,
    IOpenIddictApplicationManager applications, SystemClients systemClients, IConfiguration configuration, ILogger<IdentitySeeder> log)
{
    public const string PortalClient = "approval-portal";

    /// <summary>The demo applicant 示范建设有限公司's unified social credit code (local development only).</summary>
    public static readonly string DemoApplicantCreditCode = "91320193MA0000001" + UnifiedSocialCreditCode.CheckCharacter("91320193MA0000001");
    private const long SeedLock = 0x49_44_45_4E_54_49_54; // "IDENTIT"

    public async Task SeedAsync(string packFolder, CancellationToken ct)
    {
        var region = DeploymentRegion.Read(packFolder);
        var organisations = PackOrganisations.Of(region);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLock})", ct);
        foreach (var o in organisations)
        {
            var existing = await db.Organisations.FindAsync([o.RegionCode, o.Code], ct);
            if (existing is null) db.Organisations.Add(o);
            else (existing.Name, existing.CreditCode) = (o.Name, o.CreditCode);
        }
        await db.SaveChangesAsync(ct);
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)).ToList())
            await roles.CreateAsync(new IdentityRole(role));

        await SeedPortalClientAsync(ct);
        await SeedFederatedClientAsync(ct);
        foreach (var organisation in organisations)
            await systemClients.EnsureAllAsync(organisation, ct);

        var adminPassword = configuration["Approval:Identity:AdminPassword"];
        if (!string.IsNullOrEmpty(adminPassword))
            await EnsureUserAsync("admin", $"{region.Name}管理员", adminPassword, null, region.Code, [Roles.RegionAdmin]);
        var demoPassword = configuration["Approval:Identity:DemoPassword"];
        if (configuration.GetValue<bool>("Approval:Identity:SeedDemo") && !string.IsNullOrEmpty(demoPassword))
        {
            await EnsureUserAsync("applicant-demo", "示范建设有限公司", demoPassword, null, region.Code, [Roles.Applicant], DemoApplicantCreditCode);
            await EnsureUserAsync("window-demo", "综合窗口王五", demoPassword, PackOrganisations.WindowCode, region.Code, [Roles.Window]);
            await EnsureUserAsync("supervisor-demo", "监察科赵六", demoPassword, null, region.Code, [Roles.Supervisor]);
            foreach (var department in organisations.Where(o => o.Kind == OrganisationKinds.Department))
                await EnsureUserAsync($"dept-{department.Code}", $"{department.Name}审批员", demoPassword, department.Code, region.Code, [Roles.Department]);
            // Each department's lead (部门负责人): sees the department's figures in Supervision (docs/supervision.md).
            foreach (var department in organisations.Where(o => o.Kind == OrganisationKinds.Department))
                await EnsureUserAsync($"lead-{department.Code}", $"{department.Name}负责人", demoPassword, department.Code, region.Code, [Roles.DepartmentLead]);
            foreach (var (userName, organisation, role) in DemoProviderUsers(organisations))
                await EnsureUserAsync(userName, $"{organisation.Name}经办人", demoPassword, organisation.Code, region.Code, [role]);
        }
        await tx.CommitAsync(ct);
        log.LogInformation("Identity seeded for region {Region}: {Count} organisations", region.Code, organisations.Count);
    }

    private async Task SeedPortalClientAsync(CancellationToken ct)
    {
        var redirects = configuration.GetSection("Approval:Identity:PortalRedirectUris").Get<string[]>() ?? ["http://127.0.0.1/signin-callback"];
        if (await applications.FindByClientIdAsync(PortalClient, ct) is { } existing)
        {
            await UpdateRedirectUrisAsync(existing, redirects, ct);
            return;
        }
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = PortalClient, DisplayName = "审批门户 Approval portal", ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in redirects) descriptor.RedirectUris.Add(new Uri(uri));
        await applications.CreateAsync(descriptor, ct);
    }

    /// <summary>
    /// The configured redirect URIs are the truth on every start: a database seeded by an older deployment (another
    /// gateway port, another public host) gets them replaced, instead of refusing every sign-in with "invalid redirect_uri".
    /// </summary>
    private async Task UpdateRedirectUrisAsync(object client, string[] redirects, CancellationToken ct)
    {
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, client, ct);
        var wanted = redirects.Select(uri => new Uri(uri)).ToHashSet();
        if (descriptor.RedirectUris.SetEquals(wanted)) return;
        descriptor.RedirectUris.Clear();
        descriptor.RedirectUris.UnionWith(wanted);
        await applications.UpdateAsync(client, descriptor, ct);
        log.LogInformation("Portal client's redirect URIs updated to {RedirectUris}", string.Join(", ", redirects));
    }

    /// <summary>When this instance is the provincial platform: the client through which a city's identity server federates.</summary>
    private async Task SeedFederatedClientAsync(CancellationToken ct)
    {
        var section = configuration.GetSection("Approval:Identity:FederatedClient");
        if (string.IsNullOrWhiteSpace(section["ClientId"]) || await applications.FindByClientIdAsync(section["ClientId"]!, ct) is not null) return;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = section["ClientId"], ClientSecret = section["ClientSecret"], DisplayName = "Federated identity server",
            ClientType = ClientTypes.Confidential, ConsentType = ConsentTypes.Implicit,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Profile,
            },
            RedirectUris = { new Uri(section["RedirectUri"]!) },
        };
        await applications.CreateAsync(descriptor, ct);
    }

    /// <summary>
    /// The demo staff of the review agencies, the intermediaries and the utilities: one user per provider role of each
    /// organisation (<see cref="SystemClients.ProviderRolesOf"/>: its kind, or Approval:Identity:ProviderRoles:CODE) —
    /// review-CODE, agency-CODE, utility-CODE — and review-demo for the 施工图审查中心 TSZX. GSGS, GDGS, RQGS stay departments
    /// for their catalog items; their utility staff are separate users.
    /// </summary>
    private IEnumerable<(string UserName, Organisation Organisation, string Role)> DemoProviderUsers(List<Organisation> organisations)
    {
        foreach (var o in organisations)
        {
            if (o.Code == "TSZX") yield return ("review-demo", o, Roles.ReviewAgency);
            foreach (var role in SystemClients.ProviderRolesOf(o, configuration))
                yield return (SystemClients.ClientIdOf(role, o.Code)[..^"-system".Length], o, role);
        }
    }

    private async Task EnsureUserAsync(
        string userName, string displayName, string password, string? organisation, string region, string[] userRoles, string? realNameNumber = null)
    {
        if (await users.FindByNameAsync(userName) is not null) return;
        var user = new ApprovalUser
        {
            UserName = userName, DisplayName = displayName, RegionCode = region, OrganisationCode = organisation,
            Kind = userRoles.Contains(Roles.Applicant) ? AccountKind.Enterprise : AccountKind.Staff,
            RealNameNumber = realNameNumber, RealNameVerified = realNameNumber is not null,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) throw new InvalidOperationException($"seeding {userName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        await users.AddToRolesAsync(user, userRoles);
        // Staff need TOTP; seeded staff share the configured demo authenticator key (local development only).
        if (userRoles.Any(Roles.Staff.Contains) && configuration["Approval:Identity:DemoTotpKey"] is { Length: > 0 } key)
        {
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
    }
}
