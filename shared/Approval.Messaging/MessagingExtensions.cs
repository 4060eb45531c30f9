using Approval.Messaging.Jobs;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Approval.ServiceDefaults.Options;

namespace Approval.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ (connection string "rabbitmq") with this service's outbox relay.
    /// Queues are named "{service}-{consumer}", so replicas of a service compete on one queue.
    /// Consumers retry a bounded number of times, then MassTransit moves the message to "{queue}_error".
    /// </summary>
    public static IHostApplicationBuilder AddApprovalMessaging<TContext>(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator> consumers)
        where TContext : DbContext
    {
        var options = builder.Configuration.GetSection("Approval:Messaging").Get<MessagingOptions>() ?? new MessagingOptions();
        builder.AddValidatedOptions<MessagingOptions>("Approval:Messaging");
        if (options.DuplicatePercent > 0 && !builder.Environment.IsDevelopment() && !builder.Environment.IsEnvironment("Testing"))
            throw new InvalidOperationException($"Approval:Messaging:DuplicatePercent injects duplicate deliveries for fault tests (Development/Testing only); it is set in {builder.Environment.EnvironmentName}. Remove it.");
        // Every commit of the service's DbContext wakes the relay (AddServiceDatabase adds registered interceptors).
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<OutboxSignal>());
        // Consumed messages share transactions (issue 22) unless a group is one message.
        if (options.ConsumerGroupSize > 1)
        {
            builder.Services.AddSingleton<WrittenCommands>();
            builder.Services.AddSingleton<InboxGroupCommit<TContext>>();
            builder.Services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<WrittenCommands>());
        }
        var rabbit = builder.Configuration.GetConnectionString("rabbitmq")
            ?? throw new InvalidOperationException("Connection string 'rabbitmq' is not configured (ConnectionStrings__rabbitmq).");

        builder.Services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            consumers(x);
            // Retry is set on every receive endpoint (a bus-level UseMessageRetry does not reach them).
            x.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageRetry(r =>
                r.Exponential(options.RetryLimit, options.RetryMinInterval, options.RetryMaxInterval, options.RetryMinInterval)));
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(rabbit));
                cfg.ConfigureEndpoints(context);
            });
        });
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
        if (options.RelayEnabled)
        {
            builder.Services.AddHostedService<OutboxRelay<TContext>>();
            builder.Services.AddHostedService<OutboxCleanup<TContext>>();
        }
        return builder;
    }
}
