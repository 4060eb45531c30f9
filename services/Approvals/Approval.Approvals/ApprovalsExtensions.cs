using Approval.Approvals.Api;
using Approval.Approvals.Consumers;
using Approval.Approvals.Data;
using Approval.Messaging;
using Approval.ServiceDefaults.Audit;

namespace Approval.Approvals;

public static class ApprovalsExtensions
{
    public static IHostApplicationBuilder AddApprovals(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ApprovalsDbContext>("approvals");
        builder.AddApprovalMessaging<ApprovalsDbContext>("approvals", x => x.AddConsumer<ApplicationAcceptedConsumer>());
        builder.AddAuditLog<ApprovalsDbContext>();
        return builder;
    }

    public static WebApplication MapApprovalsApi(this WebApplication app)
    {
        ItemInstancesApi.Map(app);
        app.MapAuditApi<ApprovalsDbContext>("/api/approvals/audit");
        return app;
    }
}
