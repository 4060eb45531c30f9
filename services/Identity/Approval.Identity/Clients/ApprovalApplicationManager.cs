using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace Approval.Identity.Clients;

/// <summary>
/// OpenIddict's application manager with secret rotation: a rotated client's previous secret (its hash, as OpenIddict
/// stores secrets) and that secret's end of validity are kept in the client's properties, and
/// <see cref="ValidateClientSecretAsync(OpenIddictEntityFrameworkCoreApplication, string, CancellationToken)"/> accepts
/// it until then (Approval:Identity:ClientSecretGracePeriod, default 24 hours), so a department system can switch
/// without an outage. Nothing here keeps a secret in clear.
/// </summary>
public sealed class ApprovalApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store,
    TimeProvider clock, IConfiguration configuration)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    public TimeSpan GracePeriod => configuration.GetValue("Approval:Identity:ClientSecretGracePeriod", TimeSpan.FromHours(24));

    public override async ValueTask<bool> ValidateClientSecretAsync(
        OpenIddictEntityFrameworkCoreApplication application, string secret, CancellationToken cancellationToken = default)
    {
        if (await base.ValidateClientSecretAsync(application, secret, cancellationToken)) return true;
        var properties = await GetPropertiesAsync(application, cancellationToken);
        var previous = ClientProperties.Text(properties, ClientProperties.PreviousSecret);
        var until = ClientProperties.Time(properties, ClientProperties.PreviousSecretValidUntil);
        return previous is not null && SecretGrace.Accepts(until, clock.GetUtcNow())
            && await ValidateClientSecretAsync(secret, previous, cancellationToken);
    }

    /// <summary>True when the secret is the one last applied from configuration (so a restart does not rotate again).</summary>
    public async ValueTask<bool> IsConfiguredSecretAsync(OpenIddictEntityFrameworkCoreApplication application, string secret, CancellationToken ct)
    {
        var configured = ClientProperties.Text(await GetPropertiesAsync(application, ct), ClientProperties.ConfiguredSecret);
        return configured is not null && await ValidateClientSecretAsync(secret, configured, ct);
    }

    /// <summary>
    /// Gives the client a new secret; the current one stays valid for the grace period. Source is "rotated" (the region
    /// admin's API) or "configuration" (a deployment's setting, remembered hashed so the next start leaves it alone).
    /// </summary>
    public async ValueTask<DateTimeOffset> RotateSecretAsync(
        OpenIddictEntityFrameworkCoreApplication application, string secret, string source, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + GracePeriod;
        var descriptor = new OpenIddictApplicationDescriptor();
        await PopulateAsync(descriptor, application, ct);
        if (descriptor.ClientSecret is { Length: > 0 } current)
        {
            descriptor.Properties[ClientProperties.PreviousSecret] = JsonSerializer.SerializeToElement(current);
            descriptor.Properties[ClientProperties.PreviousSecretValidUntil] = JsonSerializer.SerializeToElement(until.ToString("O", CultureInfo.InvariantCulture));
        }
        descriptor.ClientSecret = secret;
        Stamp(descriptor, source, now);
        if (source == ClientProperties.FromConfiguration)
            descriptor.Properties[ClientProperties.ConfiguredSecret] = JsonSerializer.SerializeToElement(await ObfuscateClientSecretAsync(secret, ct));
        await UpdateAsync(application, descriptor, ct);
        return until;
    }

    /// <summary>Records where the client's current secret came from and when.</summary>
    public static void Stamp(OpenIddictApplicationDescriptor descriptor, string source, DateTimeOffset now)
    {
        descriptor.Properties[ClientProperties.SecretSource] = JsonSerializer.SerializeToElement(source);
        descriptor.Properties[ClientProperties.SecretChangedAt] = JsonSerializer.SerializeToElement(now.ToString("O", CultureInfo.InvariantCulture));
    }

    /// <summary>The hash OpenIddict would store for this secret (for the "configured secret" marker of a new client).</summary>
    public ValueTask<string> HashAsync(string secret, CancellationToken ct) => ObfuscateClientSecretAsync(secret, ct);
}
