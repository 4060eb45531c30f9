using System.Collections.Concurrent;
using Approval.Notifications;
using Approval.Notifications.Data;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Approval.Integration.Tests;

/// <summary>The real Notifications service (consumers, inbox, delivery dispatcher) on a fresh, migrated database and the real broker.</summary>
public sealed class NotificationsHost : IAsyncDisposable
{
    private static readonly ILoggerFactory Logging = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
    private readonly FreshDatabase<NotificationsDbContext> database = new("notif");
    private IHost host = null!;

    /// <summary>MessageIds this host has finished consuming (applied or skipped as duplicates), with how often.</summary>
    public ConcurrentDictionary<Guid, int> Consumed { get; } = new();

    public IBus Bus => host.Services.GetRequiredService<IBus>();

    public NotificationsDbContext NewContext() => database.NewContext();

    /// <param name="configure">Services replaced for one test (added after the service's own, so they win).</param>
    public static async Task<NotificationsHost> StartAsync(string addressGrace = "00:10:00", Action<IServiceCollection, NotificationsHost>? configure = null)
    {
        var h = new NotificationsHost();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(Logging);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:notificationsdb"] = h.database.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = TestServers.RabbitMq,
            ["Approval:Messaging:RetryMinInterval"] = "00:00:00.050",
            ["Approval:Messaging:RetryMaxInterval"] = "00:00:00.200",
            ["Approval:Notifications:DispatchInterval"] = "00:00:00.050",
            ["Approval:Notifications:PostponeInterval"] = "00:00:00.050",
            ["Approval:Notifications:AddressGrace"] = addressGrace,
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddNotifications();
        configure?.Invoke(builder.Services, h);
        h.host = builder.Build();
        await h.database.InitializeAsync();
        h.Bus.ConnectConsumeObserver(new Observer(h.Consumed));
        await h.host.StartAsync();
        return h;
    }

    public async Task PublishAsync<T>(T message, Guid messageId) where T : class =>
        await Bus.Publish(message, c => c.MessageId = messageId);

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        await database.DisposeAsync();
    }

    private sealed class Observer(ConcurrentDictionary<Guid, int> consumed) : IConsumeObserver
    {
        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.MessageId is { } id) consumed.AddOrUpdate(id, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
