using Approval.Approvals.Api;
using Approval.Approvals.Consumers;
using Approval.Approvals.Data;
using Approval.Messaging;

namespace Approval.Approvals;

public static class ApprovalsExtensions
{
    public static IHostApplicationBuilder AddApprovals(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ApprovalsDbContext>("approvals");
        builder.AddApprovalMessaging<ApprovalsDbContext>("approvals", x => x.AddConsumer<ApplicationAcceptedConsumer>());
        return builder;
    }

    public static WebApplication MapApprovalsApi(this WebApplication app)
    {
        ItemInstancesApi.Map(app);
        return app;
    }
}
