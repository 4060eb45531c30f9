using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Approval.ServiceDefaults.Http;

public static class ServiceClients
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/>, a typed client (in the service's Clients/ folder) of another service of the
    /// suite: its base address is Approval:&lt;Service&gt;Url (e.g. Approval:CatalogUrl) if set, else http://&lt;service&gt;,
    /// resolved by service discovery (services__&lt;service&gt;__http__0, set by the AppHost and the chart), with the
    /// standard resilience handler of <see cref="ServiceDefaultsExtensions.AddServiceDefaults"/>.
    /// </summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IHostApplicationBuilder builder, string service) where TClient : class
    {
        var setting = $"Approval:{char.ToUpperInvariant(service[0])}{service[1..]}Url";
        return builder.Services.AddHttpClient<TClient>(c => c.BaseAddress = new Uri(builder.Configuration[setting] ?? $"http://{service}"));
    }

    /// <summary>
    /// GETs <paramref name="path"/> with the caller's own bearer token, so the callee applies its rules to the caller: null when
    /// it does not show the object to them (404), the answer otherwise; any other failure throws.
    /// </summary>
    public static async Task<T?> GetAsCallerAsync<T>(this HttpClient http, string path, HttpContext? caller, CancellationToken ct) where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = caller.Bearer();
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode is HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(ct);
    }

    /// <summary>The caller's bearer token, forwarded so the called service applies its own rules to the same caller; null without one.</summary>
    public static AuthenticationHeaderValue? Bearer(this HttpContext? caller) =>
        AuthenticationHeaderValue.TryParse(caller?.Request.Headers.Authorization.ToString(), out var bearer) ? bearer : null;
}
