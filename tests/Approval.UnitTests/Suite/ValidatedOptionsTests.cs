using Approval.Messaging.Systems;
using Approval.Intake.Api;
using Approval.Licences.Sealing;
using Approval.Messaging;
using Approval.Notifications;
using Approval.Portal.Components.Shared;
using Approval.ServiceDefaults.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Approval.UnitTests.Suite;

/// <summary>
/// The services bind their settings with <see cref="ValidatedOptions.AddValidatedOptions{TOptions}"/>: a wrong setting
/// stops the host when it starts, naming the setting; the defaults start.
/// </summary>
public class ValidatedOptionsTests
{
    public static TheoryData<Type, string, string, string> Invalid() => new()
    {
        { typeof(MessagingOptions), "Approval:Messaging", "RelayPollInterval", "00:00:00" },
        { typeof(MessagingOptions), "Approval:Messaging", "RetryLimit", "-1" },
        { typeof(WebhookOptions), "Approval:Webhooks", "MaxConcurrentDeliveries", "0" },
        { typeof(IdempotencyOptions), "Approval:Idempotency", "CleanupInterval", "-00:01:00" },
        { typeof(IntakeLimits), "Approval:Intake:Limits", "DraftsPerApplicant", "0" },
        { typeof(SealOptions), SealOptions.Section, "RootSealYears", "0" },
        { typeof(LiveUpdateOptions), LiveUpdateOptions.Section, "ProgressFallbackSeconds", "0" },
        { typeof(NotificationOptions), "Approval:Notifications", "DispatchBatchSize", "0" },
        { typeof(NotificationOptions), "Approval:Notifications", "SmsProvider", "carrier-pigeon" },
        { typeof(NotificationOptions), "Approval:Notifications", "SmsProvider", "http" }, // without SmsEndpoint
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task An_invalid_setting_stops_the_host_at_start_naming_it(Type options, string section, string key, string value)
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(options, section, new() { [$"{section}:{key}"] = value }));
        Assert.Equal(options, e.OptionsType);
        Assert.Contains(key == "SmsProvider" && value == "http" ? "SmsEndpoint" : key, e.Message);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task The_defaults_start(Type options, string section, string key, string value)
    {
        _ = (key, value);
        await StartAsync(options, section, []);
    }

    [Fact]
    public async Task The_real_SMS_provider_starts_with_its_endpoint() =>
        await StartAsync(typeof(NotificationOptions), "Approval:Notifications", new()
        {
            ["Approval:Notifications:SmsProvider"] = "HTTP", ["Approval:Notifications:SmsEndpoint"] = "https://sms.example/send",
        });

    private static async Task StartAsync(Type options, string section, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection(settings);
        typeof(ValidatedOptions).GetMethod(nameof(ValidatedOptions.AddValidatedOptions))!.MakeGenericMethod(options).Invoke(null, [builder, section]);
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();
    }
}
