using Approval.Approvals.Data;
using Approval.Approvals.Domain;
using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.ServiceDefaults.Audit;

namespace Approval.Approvals.Consumers;

/// <summary>On 受理, opens one item instance per item, routed to its department .</summary>
public sealed class ApplicationAcceptedConsumer(ApprovalsDbContext db, TimeProvider clock, IAuditLog audit, ILogger<ApplicationAcceptedConsumer> log)
    : InboxConsumer<ApprovalsDbContext, ApplicationAccepted>(db, clock, log)
{
    protected override Task HandleAsync(ApplicationAccepted m, CancellationToken ct)
    {
        foreach (var i in m.Items)
        {
            var item = ItemInstance.Open(m.ApplicationId, m.RegionCode, m.ProjectCode, m.ProjectName, m.ApplicantName,
                i.ItemCode, i.ItemName, i.DepartmentCode, i.DepartmentName, i.DepartmentCreditCode, i.TimeLimitWorkingDays,
                i.LicenceTypeCode, i.LicenceName, m.AcceptedAt);
            Db.Items.Add(item);
            Db.RecordTransition(item, m.Actor, "综合服务窗口", null, Clock, audit);
        }
        return Task.CompletedTask;
    }
}
