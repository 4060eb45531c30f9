using Approval.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Approval.Integration.Tests;

/// <summary>A real service host (its database, the outbox relay, MassTransit on the real broker) for one scenario.</summary>
public static class MessagingHost
{
    // MassTransit keeps the first host's logger factory in a static LogContext; hosts started one after another in
    // one test process must therefore share a factory that none of them disposes.
    private static readonly ILoggerFactory Logging = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));

    public static async Task<IHost> StartAsync(
        FreshDatabase<TestDbContext> database, string serviceName, Action<IBusRegistrationConfigurator> consumers,
        string instance = "a", bool relay = true, int retryLimit = 2, DeliveryCounter? deliveries = null, PoisonAttempts? attempts = null,
        IPublishObserver? published = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(Logging);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:msgtestdb"] = database.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = TestServers.RabbitMq,
            ["Approval:Messaging:RelayEnabled"] = relay.ToString(),
            ["Approval:Messaging:RetryLimit"] = retryLimit.ToString(),
            ["Approval:Messaging:RetryMinInterval"] = "00:00:00.050",
            ["Approval:Messaging:RetryMaxInterval"] = "00:00:00.200",
            ["Approval:Messaging:RelayPollInterval"] = "00:00:00.100",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new InstanceName(instance));
        builder.Services.AddSingleton(attempts ?? new PoisonAttempts());
        builder.AddServiceDatabase<TestDbContext>("msgtest");
        builder.AddApprovalMessaging<TestDbContext>(serviceName, consumers);
        var host = builder.Build();
        host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(new CountingObserver(deliveries ?? new DeliveryCounter()));
        if (published is not null) host.Services.GetRequiredService<IBus>().ConnectPublishObserver(published);
        await host.StartAsync();
        return host;
    }
}
