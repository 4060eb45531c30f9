using System.Collections.Concurrent;
using Approval.Notifications;
using Approval.Notifications.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Approval.Messaging.Tests;

/// <summary>The real Notifications service (consumers, inbox, delivery dispatcher) on a fresh, migrated database and the real broker.</summary>
public sealed class NotificationsHost : IAsyncDisposable
{
    private static readonly ILoggerFactory Logging = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
    private readonly string connectionString =
        new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = $"approval_notif_{Guid.NewGuid():N}" }.ConnectionString;
    private IHost host = null!;

    /// <summary>MessageIds this host has finished consuming (applied or skipped as duplicates), with how often.</summary>
    public ConcurrentDictionary<Guid, int> Consumed { get; } = new();

    public IBus Bus => host.Services.GetRequiredService<IBus>();

    public NotificationsDbContext NewContext() => new(new DbContextOptionsBuilder<NotificationsDbContext>().UseNpgsql(connectionString).Options);

    public static async Task<NotificationsHost> StartAsync(string addressGrace = "00:10:00")
    {
        var h = new NotificationsHost();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(Logging);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:notificationsdb"] = h.connectionString,
            ["ConnectionStrings:rabbitmq"] = TestServers.RabbitMq,
            ["Approval:Messaging:RetryMinInterval"] = "00:00:00.050",
            ["Approval:Messaging:RetryMaxInterval"] = "00:00:00.200",
            ["Approval:Notifications:DispatchInterval"] = "00:00:00.050",
            ["Approval:Notifications:PostponeInterval"] = "00:00:00.050",
            ["Approval:Notifications:AddressGrace"] = addressGrace,
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddNotifications();
        h.host = builder.Build();
        await using (var db = h.NewContext()) await db.Database.MigrateAsync();
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
        NpgsqlConnection.ClearAllPools();
        await using var db = NewContext();
        await db.Database.EnsureDeletedAsync();
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
