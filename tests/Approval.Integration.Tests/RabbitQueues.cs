using System.Text;
using MassTransit;
using RabbitMQ.Client;

namespace Approval.Integration.Tests;

/// <summary>Looks into the broker's queues directly, as an operator would.</summary>
public static class RabbitQueues
{
    public static string QueueOf<TConsumer>(string serviceName) where TConsumer : class, IConsumer =>
        new KebabCaseEndpointNameFormatter(serviceName, false).Consumer<TConsumer>();

    /// <summary>Takes messages from <paramref name="queue"/> until one whose body contains <paramref name="marker"/> arrives.</summary>
    public static async Task<BasicGetResult> TakeAsync(string queue, string marker)
    {
        await using var connection = await Factory().CreateConnectionAsync();
        BasicGetResult? result = null;
        await Eventually.Until(async () =>
        {
            // A missing queue closes the channel (404), so every poll uses a fresh one; MassTransit creates _error queues on first use.
            await using var channel = await connection.CreateChannelAsync();
            try { result = await channel.BasicGetAsync(queue, autoAck: true); }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404) { return false; }
            return result is not null && Encoding.UTF8.GetString(result.Body.Span).Contains(marker, StringComparison.Ordinal);
        }, $"a message containing '{marker}' is in {queue}");
        return result!;
    }

    public static async Task PublishRawAsync(string queue, string body)
    {
        await using var connection = await Factory().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = Guid.NewGuid().ToString(), Persistent = true };
        await channel.BasicPublishAsync("", queue, false, properties, Encoding.UTF8.GetBytes(body));
    }

    public static string Header(BasicGetResult message, string name) =>
        message.BasicProperties.Headers?.TryGetValue(name, out var value) == true
            ? value switch { byte[] b => Encoding.UTF8.GetString(b), _ => value?.ToString() ?? "" }
            : "";

    private static ConnectionFactory Factory() => new() { Uri = new Uri(TestServers.RabbitMq) };
}
