using Microsoft.AspNetCore.Components.Authorization;

namespace Approval.Portal.Clients;

/// <summary>Identity: 实名注册 (anonymous) and the window's account search (docs/identity.md); the admin's calls in IdentityClient.Admin.cs.</summary>
public sealed partial class IdentityClient(HttpClient http, AuthenticationStateProvider authentication) : ServiceClient(http, authentication)
{
    public Task<Registered> RegisterAsync(Registration registration, CancellationToken ct = default) =>
        SendAsync<Registered>(HttpMethod.Post, "/api/identity/register", registration, ct);
    /// <summary>Applicants of my region by name, user name or phone (window, region admin).</summary>
    public Task<AccountSearch> SearchAccountsAsync(string query, int page = 1, CancellationToken ct = default) =>
        GetAsync<AccountSearch>($"/api/identity/accounts/search?q={Uri.EscapeDataString(query)}&page={page}&pageSize=10", ct);
}

/// <summary>实名注册: kind person (居民身份证号) or enterprise (统一社会信用代码).</summary>
public sealed record Registration(string Kind, string Name, string Number, string UserName, string Password, string? Mobile = null);

public sealed record Registered(string UserName, string DisplayName, string Kind, string RegionCode, bool RealNameVerified);
