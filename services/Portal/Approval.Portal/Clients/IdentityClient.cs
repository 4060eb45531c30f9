using Microsoft.AspNetCore.Components.Authorization;

namespace Approval.Portal.Clients;

/// <summary>Identity (anonymous): 实名注册 (docs/identity.md).</summary>
public sealed partial class IdentityClient(HttpClient http, AuthenticationStateProvider authentication) : ServiceClient(http, authentication)
{
    public Task<Registered> RegisterAsync(Registration registration, CancellationToken ct = default) =>
        SendAsync<Registered>(HttpMethod.Post, "/api/identity/register", registration, ct);
}

/// <summary>实名注册: kind person (居民身份证号) or enterprise (统一社会信用代码).</summary>
public sealed record Registration(string Kind, string Name, string Number, string UserName, string Password, string? Mobile = null);

public sealed record Registered(string UserName, string DisplayName, string Kind, string RegionCode, bool RealNameVerified);
