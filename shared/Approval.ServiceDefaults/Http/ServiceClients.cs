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
}
