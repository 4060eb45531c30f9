using Approval.Calendar;
using Approval.Utilities.Domain;

namespace Approval.Utilities.Api;

/// <summary>Requests and applications as the API shows them, each step with its clock on the region calendar at this moment.</summary>
public sealed class UtilityViews(WorkingCalendar calendar, WarningThreshold threshold, TimeProvider clock)
{
    public RequestDto ToDto(UtilityRequest r)
    {
        var now = clock.GetUtcNow();
        var current = r.Current;
        var status = r.IsConnected ? "已开通" : r.OpenSupplement is not null ? "补正中" : current?.Kind == StepKind.Survey ? "受理勘查中" : "办理中";
        return new RequestDto(r.Id, r.ApplicationId, r.ProjectCode, r.ProjectName, r.EngineeringCode, r.ApplicantName, r.UtilityCode, r.UtilityName,
            r.ServiceType, ServiceTypes.NameOf(r.ServiceType), r.RequestType, r.Demand, r.AppliedAt, status, current?.No, current?.Name,
            r.ConnectionPlan, r.Fee, r.EarlyPlan, r.EarlyPlanAt, r.ConnectedAt,
            r.Steps.OrderBy(s => s.No).Select(s => new StepDto(s.No, s.Name, s.Kind.ToString(), s.LimitWorkingDays, s.StartedAt, s.EndedAt, s.Handler, s.Result,
                ToDto(StepClock.Read(calendar, s, r.Supplements, now, threshold)))).ToList(),
            r.Supplements.Select(s => new SupplementDto(s.StepNo, s.Reason, s.RequestedAt, s.RequestedBy, s.AnsweredAt, s.Answer)).ToList());
    }

    public ApplicationDto ToDto(UtilityApplication a, IEnumerable<UtilityRequest> requests) =>
        new(a.Id, a.ProjectCode, a.ProjectName, a.EngineeringCode, a.Address, a.AppliedAt, requests.OrderBy(r => r.UtilityCode).ThenBy(r => r.ServiceType).Select(ToDto).ToList());

    private static ClockDto? ToDto(ClockReading? c) => c is null
        ? null
        : new ClockDto(c.Limit, c.Used, c.Remaining, c.Paused, c.IsPaused, c.StartDate, c.Deadline, c.State.ToString(), c.State.ChineseName(), c.Stopped, c.Provisional);

    public static ProviderDto ToDto(UtilityProvider p) => new(p.Code, p.Name,
        p.ServiceTypes.Select(t => new ServiceTypeDto(t, ServiceTypes.NameOf(t),
            ServiceTypes.StepsOf(t).Select((s, i) => new StepPlanDto(i + 1, s.Name, s.Kind.ToString(), s.LimitWorkingDays)).ToList())).ToList(),
        p.Guide, p.FeeStandard);
}
