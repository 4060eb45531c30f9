using Approval.Approvals.Data;
using Approval.Calendar;
using Approval.Approvals.Domain;
using Approval.Contracts.Events;
using Approval.Approvals.Webhooks;
using Approval.Messaging;

namespace Approval.Approvals.Consumers;

/// <summary>
/// On 受理, opens the stage instance (with its 并联审批实例编码 when it has several items) and one item
/// instance per item, routed to its department, all starting together. The stage's time limit (its clock),
/// milestone rule and each item's order, milestone and 告知承诺制 flags come with the event: Intake's snapshot of the
/// catalog at submission, so one case never mixes two catalog versions (Approvals does not call the Catalog).
/// </summary>
public sealed class ApplicationAcceptedConsumer(
    ApprovalsDbContext db, TimeProvider clock, WorkingCalendar calendar, IAuditLog audit, ILogger<ApplicationAcceptedConsumer> log)
    : InboxConsumer<ApprovalsDbContext, ApplicationAccepted>(db, clock, log)
{
    protected override async Task HandleAsync(ApplicationAccepted m, CancellationToken ct)
    {
        var codes = m.Items.Select(i => i.ItemCode).ToHashSet();
        var stage = new StageInstance
        {
            Id = Guid.CreateVersion7(m.AcceptedAt), ApplicationId = m.ApplicationId, RegionCode = m.RegionCode, StageNo = m.StageNo,
            AcceptedAt = m.AcceptedAt, ApplicantId = m.ApplicantId, MilestoneRule = m.MilestoneRule, ProjectCode = m.ProjectCode,
            TimeLimitWorkingDays = m.StageTimeLimitWorkingDays > 0 ? m.StageTimeLimitWorkingDays : null,
            FlowCode = m.FlowCode, FlowVersion = m.FlowVersion,
            ParallelInstanceCode = m.Items.Count > 1
                ? ParallelInstanceCode.Create(m.RegionCode, calendar.LocalDate(m.AcceptedAt), await Db.NextParallelSerialAsync(ct))
                : null,
        };
        Db.Stages.Add(stage);
        var departments = m.Items.Select(i => i.DepartmentCode).Distinct().ToList();
        var withSystems = await Db.Webhooks.Where(w => departments.Contains(w.OrganisationCode)).Select(w => w.OrganisationCode).ToListAsync(ct);
        foreach (var i in m.Items)
        {
            var item = ItemInstance.Open(stage, m.RegionCode, m.ProjectCode, m.ProjectName, m.ApplicantName,
                i.ItemCode, i.ItemName, i.DepartmentCode, i.DepartmentName, i.DepartmentCreditCode, i.TimeLimitWorkingDays,
                i.LicenceTypeCode, i.LicenceName, m.AcceptedAt, m.ApplicantId, m.ApplicantNumber);
            // The order binds only when the earlier item is part of this stage instance too.
            item.WithCatalogRules(i.After is { } after && codes.Contains(after) ? after : null, i.Milestone, i.NotificationCommitment)
                .WithSnapshot(m.EngineeringCode, i.ItemVersion, i.TimeLimit, i.TimeLimitUnit, i.RequiresReview)
                .WithLicenceContent(i.LicenceContent, i.LicenceValidityMonths);
            Db.Items.Add(item);
            Db.RecordTransition(item, m.Actor, "综合服务窗口", null, Clock, audit);
            if (withSystems.Contains(item.DepartmentCode)) Db.WebhookDeliveries.Add(ItemRoutedNotice.For(item, Clock.GetUtcNow()));
        }
    }
}
