using Approval.Exchange.Api;
using Approval.Exchange.Consumers;
using Approval.Exchange.Data;
using Approval.Exchange.Front;
using Approval.Exchange.Jobs;
using Approval.Messaging;
using Approval.ServiceDefaults;
using Approval.ServiceDefaults.Options;
using Approval.ServiceDefaults.Region;

namespace Approval.Exchange;

public static class ExchangeExtensions
{
    public static IHostApplicationBuilder AddExchange(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ExchangeDbContext>("exchange");
        // Fed by events only: every record the national tables hold is mapped from what the other services announced.
        builder.AddApprovalMessaging<ExchangeDbContext>("exchange", x =>
        {
            x.AddConsumer<FlowPublishedConsumer>();
            x.AddConsumer<ProjectRegisteredConsumer>();
            x.AddConsumer<ProjectUpdatedConsumer>();
            x.AddConsumer<EngineeringCodeIssuedConsumer>();
            x.AddConsumer<ApplicationReceivedConsumer>();
            x.AddConsumer<ApplicationAcceptedConsumer>();
            x.AddConsumer<ItemStatusChangedConsumer>();
            x.AddConsumer<LicenceIssuedConsumer>();
            x.AddConsumer<LicenceRevokedConsumer>();
            x.AddConsumer<ReviewCommissionedConsumer>();
            x.AddConsumer<ReviewConcludedConsumer>();
            x.AddConsumer<AgencySelectedConsumer>();
            x.AddConsumer<CommissionAcceptedConsumer>();
            x.AddConsumer<CommissionProgressedConsumer>();
            x.AddConsumer<DeliverableDeliveredConsumer>();
            x.AddConsumer<UtilityAppliedConsumer>();
            x.AddConsumer<UtilitySurveyedConsumer>();
            x.AddConsumer<UtilityConnectedConsumer>();
            x.AddConsumer<UtilityStepRecordedConsumer>();
        });
        builder.AddAuditLog<ExchangeDbContext>();
        builder.AddDeploymentRegion();
        builder.AddValidatedOptions<ExchangeOptions>("Approval:Exchange");
        // The front database (前置库): the province's (ConnectionStrings:frontdb) or approval_front beside our own.
        builder.Services.AddSingleton(new FrontConnection(ServiceDatabase.ConnectionStringFor(builder.Configuration, "front")));
        builder.Services.AddSingleton<FrontDatabase>();
        builder.Services.AddSingleton<ExchangeSignal>();
        builder.Services.AddScoped<ExchangeRound>();
        builder.Services.AddHostedService<ExchangeJob>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(ExchangeApi.Readers, p => p.RequireRole(Roles.RegionAdmin, Roles.Supervisor));
        return builder;
    }
}
