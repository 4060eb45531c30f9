using Approval.Contracts.Events;
using System.Text.Json.Nodes;
using Approval.Intake.Domain;

namespace Approval.Intake.Api;

/// <summary>The integration events of the window's actions, built from the application (published through the outbox).</summary>
internal static class IntakeEvents
{
    public static ApplicationReceived Received(Domain.Application a, string? mobile, string actor) => new(
        a.Id, a.RegionCode, a.ProjectCode, a.ProjectName, a.ApplicantId, a.ApplicantName, mobile, a.StageNo,
        a.Channel.EventName(), actor, a.ReceivedAt);

    public static ApplicationAccepted Accepted(Domain.Application a, string actor, DateTimeOffset now)
    {
        var form = JsonNode.Parse(a.FormData) as JsonObject ?? [];
        return new(
            a.Id, a.RegionCode, a.ProjectCode, a.ProjectName, a.ApplicantId, a.ApplicantName, a.StageNo,
            a.Items.Select(i => new AcceptedItem(i.ItemCode, i.ItemName, i.DepartmentCode, i.DepartmentName,
                i.DepartmentCreditCode, i.TimeLimitWorkingDays, i.LicenceTypeCode, i.LicenceName, i.Milestone, i.NotificationCommitment, i.After,
                i.ItemVersion, i.TimeLimit, i.TimeLimitUnit, i.RequiresReview, LicenceContentValues.Of(a, i, form), i.LicenceValidityMonths)).ToList(),
            actor, now, a.ApplicantNumber, a.MilestoneRule, a.StageTimeLimitWorkingDays, a.FlowCode, a.FlowType, a.EngineeringCode, a.FlowVersion);
    }

    public static ApplicationRefused Refused(Domain.Application a, string actor, DateTimeOffset now) => new(
        a.Id, a.ApplicantId, a.ProjectName, a.Status.Code(), a.Status.ChineseName(), a.DecisionReason ?? "", actor, now);

    public static ApplicationCorrectionRequested CorrectionRequested(Domain.Application a, string actor, DateTimeOffset now) => new(
        a.Id, a.ApplicantId, a.ProjectName, a.Corrections.Select(c => new CorrectionRequest(c.Subject, c.Problem)).ToList(), actor, now);

    public static ApplicationCorrected Corrected(Domain.Application a, DateTimeOffset now) => new(a.Id, a.ApplicantId, a.ProjectName, now);
}
