using Approval.Calendar;
using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Messaging.Systems;
using Approval.ServiceDefaults;
using Approval.ServiceDefaults.Options;
using Approval.ServiceDefaults.Region;
using Approval.Supervision.Api;
using Approval.Supervision.Consumers;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Approval.Supervision.Jobs;

namespace Approval.Supervision;

public static class SupervisionExtensions
{
    public static IHostApplicationBuilder AddSupervision(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<SupervisionDbContext>("supervision");
        // A read model: everything it knows comes from these events; it publishes SupervisionNoticeRaised.
        builder.AddApprovalMessaging<SupervisionDbContext>("supervision", x =>
        {
            x.AddConsumer<ApplicationReceivedConsumer>();
            x.AddConsumer<ApplicationAcceptedConsumer>();
            x.AddConsumer<ApplicationRefusedConsumer>();
            x.AddConsumer<ItemStatusChangedConsumer>();
            x.AddConsumer<StageConcludedConsumer>();
            x.AddConsumer<StageReopenedConsumer>();
            x.AddConsumer<ReviewCommissionedConsumer>();
            x.AddConsumer<ReviewStartedConsumer>();
            x.AddConsumer<ReviewSupplementConsumer>();
            x.AddConsumer<ReviewConcludedConsumer>();
            x.AddConsumer<UtilityAppliedConsumer>();
            x.AddConsumer<UtilityConnectedConsumer>();
            x.AddConsumer<CommissionAcceptedConsumer>();
            x.AddConsumer<CommissionProgressedConsumer>();
            x.AddConsumer<CommissionRatedConsumer>();
            x.AddRuntimeCalendar();
        });
        builder.AddAuditLog<SupervisionDbContext>();
        builder.AddDeploymentRegion();
        // The clocks run on the region pack's calendar with the years uploaded in Approvals at run time, and the pack's
        // warning threshold, as Reviews' do.
        var calendarFile = Path.Combine(builder.Configuration.RegionPackFolder(), "calendar.json");
        builder.AddRuntimeCalendar(calendarFile);
        builder.AddValidatedOptions<SupervisionOptions>("Approval:Supervision");
        builder.Services.AddScoped<FiguresReader>();
        builder.Services.AddScoped<SupervisionToday>();
        builder.Services.AddScoped<NoticeSender>();
        builder.Services.AddScoped<ClockWarningRound>();
        builder.Services.AddHostedService<ClockWarningJob>();
        // 好差评: ratings, their call-back tasks, statistics and the escalation of overdue rectifications.
        builder.Services.AddScoped<RatingDesk>().AddScoped<RatingNotices>().AddScoped<RatingStatistics>().AddScoped<RatingEscalationRound>();
        builder.Services.AddHostedService<RatingEscalationJob>();
        builder.AddComplaints();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SupervisionScope.Readers, p => p.RequireRole(Roles.Supervisor, Roles.RegionAdmin, Roles.DepartmentLead))
            .AddPolicy(ProjectTimelineApi.Readers, p => p.RequireRole(Roles.Supervisor, Roles.RegionAdmin, Roles.DepartmentLead, Roles.Regulator, Roles.Applicant))
            .AddPolicy(RatingAccess.Units, p => p.RequireRole(RatingAccess.UnitRoles));
        // 审管联动: Idempotency-Key answers and the regulators' signed webhooks; every approval result goes to each registered one.
        builder.AddOrganisationSystems<SupervisionDbContext>();
        builder.AddWebhookOnEvent<ApprovalResultPublished>(RegulatorsApi.ResultEvent, _ => OrganisationSystems.EveryRegistered,
            e => new Dictionary<string, string> { ["timeline"] = $"/api/supervision/projects/{e.ProjectCode}/timeline" });
        return builder;
    }
}
