using Approval.Messaging;
using Approval.Notifications.Api;
using Approval.Notifications.Channels;
using Approval.Notifications.Consumers;
using Approval.Notifications.Data;
using Approval.Notifications.Jobs;
using Approval.ServiceDefaults;
using Approval.ServiceDefaults.Options;

namespace Approval.Notifications;

public static class NotificationsExtensions
{
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext>("notifications");
        builder.AddApprovalMessaging<NotificationsDbContext>("notifications", x =>
        {
            x.AddConsumer<ApplicationReceivedConsumer>();
            x.AddConsumer<ApplicationAcceptedConsumer>();
            x.AddConsumer<ApplicationCorrectionRequestedConsumer>();
            x.AddConsumer<ApplicationCorrectedConsumer>();
            x.AddConsumer<ItemCorrectionRequestedConsumer>();
            x.AddConsumer<ApplicationRefusedConsumer>();
            x.AddConsumer<ItemInstanceConcludedConsumer>();
            x.AddConsumer<StageInstanceConcludedConsumer>();
            x.AddConsumer<LicenceIssuedConsumer>();
            // The providers' steps (ProviderStepConsumers): review agencies, utilities, intermediaries.
            x.AddConsumer<ReviewStartedConsumer>();
            x.AddConsumer<ReviewSupplementRequestedConsumer>();
            x.AddConsumer<ReviewConcludedConsumer>();
            x.AddConsumer<UtilityStepRecordedConsumer>();
            x.AddConsumer<CommissionAcceptedConsumer>();
            x.AddConsumer<DeliverableDeliveredConsumer>();
            x.AddConsumer<SupervisionNoticeRaisedConsumer>();
            x.AddConsumer<RegulatorRecordFiledConsumer>();
        });
        var section = builder.Configuration.GetSection("Approval:Notifications");
        builder.AddValidatedOptions<NotificationOptions>("Approval:Notifications");
        builder.Services.AddScoped<NoticeBook>();
        builder.Services.AddScoped<INotificationChannel, SmsChannel>();
        builder.Services.AddScoped<INotificationChannel, PushChannel>();
        // The SMS provider is chosen by configuration: the recording sink by default, a real HTTP provider with "http".
        if (string.Equals(section.Get<NotificationOptions>()?.SmsProvider, "http", StringComparison.OrdinalIgnoreCase))
            builder.Services.AddHttpClient<ISmsSender, HttpSmsSender>();
        else
            builder.Services.AddScoped<ISmsSender, RecordingSmsSender>();
        builder.Services.AddHostedService<DeliveryDispatcher>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(NotificationsApi.SinkReaders, p => p.RequireRole(Roles.Supervisor, Roles.RegionAdmin));
        return builder;
    }

    public static WebApplication MapNotificationsApi(this WebApplication app)
    {
        NotificationsApi.Map(app);
        return app;
    }
}
