using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;

namespace Approval.Identity.Clients;

/// <summary>
/// The region admin's organisation systems (dept-CODE-system, issue 13; review-, agency-, utility-CODE-system, SystemClients): list them, rotate a client's secret (shown once,
/// the previous one valid for the grace period), and register the public keys of a system that authenticates with
/// private_key_jwt. A client of another region is a 404, as if it did not exist.
/// </summary>
public static class ClientsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/clients").WithTags("Organisation systems").RequireAuthorization(Roles.RegionAdmin);
        api.MapGet("/", List).WithSummary("The region's organisation systems (departments, review agencies, intermediaries, utilities) / 机构业务系统");
        api.MapPost("/{clientId}/secret", Rotate).WithSummary("A new client secret, shown once; the old one stays valid for the grace period / 更换密钥");
        api.MapPut("/{clientId}/keys", SetKeys).WithSummary("The public keys (JWKS) for private_key_jwt / 登记公钥");
    }

    private static async Task<Ok<List<ClientDto>>> List(ClaimsPrincipal user, IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        var manager = (ApprovalApplicationManager)applications;
        var clients = new List<ClientDto>();
        await foreach (var application in manager.ListAsync(count: null, offset: null, ct))
            if (await ToDtoAsync(manager, application, ct) is { } dto && dto.RegionCode == user.RegionCode()) clients.Add(dto);
        return TypedResults.Ok(clients.OrderBy(c => c.ClientId, StringComparer.Ordinal).ToList());
    }

    private static async Task<Results<Ok<RotatedSecretDto>, NotFound>> Rotate(
        string clientId, ClaimsPrincipal user, IOpenIddictApplicationManager applications, IAuditLog audit, CancellationToken ct)
    {
        var manager = (ApprovalApplicationManager)applications;
        if (await FindOwnAsync(manager, clientId, user, ct) is not { } application) return TypedResults.NotFound();
        var secret = ClientProperties.NewSecret();
        var until = await manager.RotateSecretAsync(application, secret, ClientProperties.Rotated, ct);
        await audit.RecordAsync(AuditActions.AccountChange, "client", clientId, $"secret rotated; the previous one is valid until {until:O}",
            user.RegionCode(), null, ct);
        return TypedResults.Ok(new RotatedSecretDto(clientId, secret, until));
    }

    private static async Task<Results<Ok<ClientDto>, NotFound>> SetKeys(
        string clientId, JsonElement body, ClaimsPrincipal user, IOpenIddictApplicationManager applications, IAuditLog audit, CancellationToken ct)
    {
        var manager = (ApprovalApplicationManager)applications;
        if (await FindOwnAsync(manager, clientId, user, ct) is not { } application) return TypedResults.NotFound();
        var keys = ClientKeys.Parse(body);
        var descriptor = new OpenIddictApplicationDescriptor();
        await manager.PopulateAsync(descriptor, application, ct);
        descriptor.JsonWebKeySet = keys.Keys.Count == 0 ? null : keys;
        await manager.UpdateAsync(application, descriptor, ct);
        await audit.RecordAsync(AuditActions.AccountChange, "client", clientId,
            $"public keys set: {string.Join(", ", keys.Keys.Select(k => k.Kid ?? "(no kid)"))}", user.RegionCode(), null, ct);
        return TypedResults.Ok((await ToDtoAsync(manager, application, ct))!);
    }

    /// <summary>An organisation's system of the caller's region, or null (unknown, not an organisation's system, another region).</summary>
    private static async Task<OpenIddictEntityFrameworkCoreApplication?> FindOwnAsync(
        ApprovalApplicationManager manager, string clientId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (clientId.Length > 100 || await manager.FindByClientIdAsync(clientId, ct) is not { } application) return null;
        var properties = await manager.GetPropertiesAsync(application, ct);
        return ClientProperties.Text(properties, ClientProperties.Organisation) is not null
               && ClientProperties.Text(properties, ClientProperties.Region) == user.RegionCode() ? application : null;
    }

    private static async Task<ClientDto?> ToDtoAsync(ApprovalApplicationManager manager, OpenIddictEntityFrameworkCoreApplication application, CancellationToken ct)
    {
        var properties = await manager.GetPropertiesAsync(application, ct);
        if (ClientProperties.Text(properties, ClientProperties.Organisation) is not { } organisation) return null;
        var keys = await manager.GetJsonWebKeySetAsync(application, ct);
        return new ClientDto(
            (await manager.GetClientIdAsync(application, ct))!, await manager.GetDisplayNameAsync(application, ct), organisation,
            ClientProperties.Text(properties, ClientProperties.Region) ?? "",
            ClientProperties.Text(properties, ClientProperties.Role) ?? Roles.Department,
            ClientProperties.Text(properties, ClientProperties.SecretSource) ?? ClientProperties.Generated,
            ClientProperties.Time(properties, ClientProperties.SecretChangedAt),
            ClientProperties.Time(properties, ClientProperties.PreviousSecretValidUntil),
            keys?.Keys.Select(k => k.Kid ?? "").ToList() ?? []);
    }
}

/// <summary>
/// An organisation's system (department, review agency, intermediary or utility: Role, the one role its token carries). SecretSource: generated (at seeding; nobody knows it — rotate to get one), configuration (the
/// deployment's setting) or rotated (by the region admin). KeyIds: the public keys registered for private_key_jwt.
/// </summary>
public sealed record ClientDto(
    string ClientId, string? DisplayName, string OrganisationCode, string RegionCode, string Role, string SecretSource,
    DateTimeOffset? SecretChangedAt, DateTimeOffset? PreviousSecretValidUntil, IReadOnlyList<string> KeyIds);

/// <summary>The new secret, shown this once; the previous secret is accepted until PreviousSecretValidUntil.</summary>
public sealed record RotatedSecretDto(string ClientId, string Secret, DateTimeOffset PreviousSecretValidUntil);
