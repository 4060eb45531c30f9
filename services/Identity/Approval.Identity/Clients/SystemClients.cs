using System.Text.Json;
using Approval.Identity.Domain;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Approval.Identity.Clients;

/// <summary>
/// The organisations' own systems (机构业务系统): one confidential client-credentials client per organisation and role,
/// <c>PREFIX-CODE-system</c> — dept (department), review (review-agency, 审查机构), agency (intermediary, 中介机构),
/// utility (utility, 市政公用服务单位). The client's token carries that one role and the organisation (property
/// <see cref="ClientProperties.Role"/>; a client without it is a department system, as before). Which provider roles an
/// organisation has: its kind (review-agency, intermediary, utility) plus <c>Approval:Identity:ProviderRoles:CODE</c>
/// (comma-separated) for an organisation of another kind that also serves as one — the demo pack's 施工图审查中心 TSZX
/// and the water, power and gas companies are departments for their catalog items and review agency / utilities besides.
/// </summary>
public sealed class SystemClients(IOpenIddictApplicationManager applications, IConfiguration configuration, TimeProvider clock, ILogger<SystemClients> log)
{
    private static readonly Dictionary<string, string> Prefixes = new()
    {
        [Roles.Department] = "dept", [Roles.ReviewAgency] = "review", [Roles.Intermediary] = "agency", [Roles.Utility] = "utility",
        [Roles.Regulator] = "reg",
    };

    private static readonly Dictionary<string, string> KindRoles = new()
    {
        [OrganisationKinds.ReviewAgency] = Roles.ReviewAgency, [OrganisationKinds.Intermediary] = Roles.Intermediary,
        [OrganisationKinds.Utility] = Roles.Utility,
    };

    /// <summary>The roles a system client may act as (never an administrative or public role).</summary>
    public static bool IsSystemRole(string role) => Prefixes.ContainsKey(role);

    public static string ClientIdOf(string role, string organisationCode) => $"{Prefixes[role]}-{organisationCode}-system";

    /// <summary>The provider roles (review-agency, intermediary, utility) of an organisation: by its kind and by configuration.</summary>
    public static IEnumerable<string> ProviderRolesOf(Organisation o, IConfiguration configuration)
    {
        var configured = (configuration[$"Approval:Identity:ProviderRoles:{o.Code}"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var roles = KindRoles.TryGetValue(o.Kind, out var byKind) ? configured.Prepend(byKind) : configured;
        return roles.Where(r => IsSystemRole(r) && r != Roles.Department).Distinct();
    }

    /// <summary>Every system client the organisation should have: its department client (kind department) and one per provider role.</summary>
    public async Task EnsureAllAsync(Organisation o, CancellationToken ct)
    {
        if (o.Kind == OrganisationKinds.Department)
            await EnsureAsync(o, Roles.Department, configuration[$"Approval:Identity:DepartmentClients:{o.Code}:Secret"], ct);
        foreach (var role in ProviderRolesOf(o, configuration))
            await EnsureAsync(o, role, configuration[$"Approval:Identity:SystemClients:{ClientIdOf(role, o.Code)}:Secret"], ct);
    }

    /// <summary>
    /// One client with its own secret: the configured one (applied again whenever that setting changes, the previous secret
    /// valid for the grace period), otherwise a random one that is stored hashed and shown to nobody — the region admin
    /// rotates it (POST /api/identity/clients/{clientId}/secret) to hand the first secret to the organisation.
    /// </summary>
    private async Task EnsureAsync(Organisation o, string role, string? configured, CancellationToken ct)
    {
        var manager = (ApprovalApplicationManager)applications;
        var clientId = ClientIdOf(role, o.Code);
        if (await manager.FindByClientIdAsync(clientId, ct) is { } existing)
        {
            if (!string.IsNullOrEmpty(configured) && !await manager.IsConfiguredSecretAsync(existing, configured, ct))
            {
                await manager.RotateSecretAsync(existing, configured, ClientProperties.FromConfiguration, ct);
                log.LogInformation("{ClientId}: the configured secret changed and now applies; the previous one stays valid for {Grace}", clientId, manager.GracePeriod);
            }
            return;
        }
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId, ClientSecret = string.IsNullOrEmpty(configured) ? ClientProperties.NewSecret() : configured,
            DisplayName = $"{o.Name}业务系统", ClientType = ClientTypes.Confidential,
            Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials },
        };
        descriptor.Properties[ClientProperties.Organisation] = JsonSerializer.SerializeToElement(o.Code);
        descriptor.Properties[ClientProperties.Region] = JsonSerializer.SerializeToElement(o.RegionCode);
        descriptor.Properties[ClientProperties.Role] = JsonSerializer.SerializeToElement(role);
        ApprovalApplicationManager.Stamp(descriptor, string.IsNullOrEmpty(configured) ? ClientProperties.Generated : ClientProperties.FromConfiguration, clock.GetUtcNow());
        if (!string.IsNullOrEmpty(configured))
            descriptor.Properties[ClientProperties.ConfiguredSecret] = JsonSerializer.SerializeToElement(await manager.HashAsync(configured, ct));
        await manager.CreateAsync(descriptor, ct);
    }
}
