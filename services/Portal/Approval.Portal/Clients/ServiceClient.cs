using System.Net.Http.Headers;
using Approval.Portal.Auth;
using Approval.ServiceDefaults.Http;
using Microsoft.AspNetCore.Components.Authorization;

namespace Approval.Portal.Clients;

/// <summary>
/// What the portal's typed clients share — one client per service it calls, each on an HttpClient whose base address
/// is that service by service discovery ("http://catalog", …; <see cref="Clients.ServiceClients"/>): every call carries the
/// signed-in user's access token (the services check it and the user's rights themselves), and an error answer
/// arrives as <see cref="ApiProblem"/>.
/// </summary>
public abstract class ServiceClient(HttpClient http, AuthenticationStateProvider authentication)
{
    protected Task<T> GetAsync<T>(string path, CancellationToken ct) => SendAsync<T>(HttpMethod.Get, path, null, ct);

    /// <summary>Sends <paramref name="body"/> as JSON (or as it is, when it is HttpContent) and reads the answer; 204 gives default.</summary>
    protected async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = body as HttpContent ?? JsonContent.Create(body);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NoContent) return default!;
        return (await response.Content.ReadFromJsonAsync<T>(ct))!;
    }

    /// <summary>Sends with the user's token; a successful answer is the caller's to dispose, an error one throws <see cref="ApiProblem"/>.</summary>
    protected async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct)
    {
        if (await AccessTokenAsync() is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request, completion, ct);
        if (response.IsSuccessStatusCode) return response;
        using (response) throw await ApiProblem.ReadAsync(response, ct);
    }

    private async Task<string?> AccessTokenAsync() =>
        (await authentication.GetAuthenticationStateAsync()).User.FindFirst(PortalSignIn.AccessTokenClaim)?.Value;
}

/// <summary>
/// Registers each typed client on the service it calls, by the shared helper the services use (http://&lt;service&gt; by
/// service discovery, or Approval:&lt;Service&gt;Url). SuiteServicesTests checks each client's service against shared/services.json.
/// </summary>
public static class ServiceClients
{
    public static IHostApplicationBuilder AddServiceClients(this IHostApplicationBuilder builder)
    {
        builder.AddServiceClient<CatalogClient>("catalog");
        builder.AddServiceClient<IdentityClient>("identity");
        builder.AddServiceClient<ProjectsClient>("projects");
        builder.AddServiceClient<IntakeClient>("intake");
        builder.AddServiceClient<ApprovalsClient>("approvals");
        builder.AddServiceClient<LicencesClient>("licences");
        builder.AddServiceClient<NotificationsClient>("notifications");
        builder.AddServiceClient<UtilitiesClient>("utilities");
        builder.AddServiceClient<MarketplaceClient>("marketplace");
        builder.AddServiceClient<ReviewsClient>("reviews");
        builder.AddServiceClient<SupervisionClient>("supervision");
        builder.AddServiceClient<ExchangeClient>("exchange");
        return builder;
    }
}
