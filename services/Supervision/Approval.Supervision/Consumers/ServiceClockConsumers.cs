using Approval.Calendar;
using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;

namespace Approval.Supervision.Consumers;

/// <summary>The consumers of one service clock: find it (or fail, to be retried until its opening event arrived), change, refresh.</summary>
public abstract class ServiceClockConsumer<T>(SupervisionDbContext db, WorkingCalendar calendar, WarningThreshold threshold, TimeProvider clock, ILogger log)
    : InboxConsumer<SupervisionDbContext, T>(db, clock, log) where T : class
{
    protected async Task ChangeAsync(Guid id, Action<ServiceClock> change, CancellationToken ct)
    {
        var service = await Db.Set<ServiceClock>().FindAsync([id], ct) ?? throw new InvalidOperationException($"service clock {id} not opened yet");
        change(service);
        service.Refresh(calendar, threshold, Clock.GetUtcNow());
    }

    protected void Open(ServiceClock service)
    {
        service.Refresh(calendar, threshold, Clock.GetUtcNow());
        Db.Set<ServiceClock>().Add(service);
    }

    protected DateOnly Date(DateTimeOffset at) => calendar.LocalDate(at);
}

public sealed class ReviewCommissionedConsumer(SupervisionDbContext db, WorkingCalendar calendar, WarningThreshold threshold, TimeProvider clock, ILogger<ReviewCommissionedConsumer> log)
    : ServiceClockConsumer<ReviewCommissioned>(db, calendar, threshold, clock, log)
{
    protected override Task HandleAsync(ReviewCommissioned m, CancellationToken ct)
    {
        Open(new ServiceClock
        {
            Id = m.ReviewId, Kind = ServiceClock.Review, RegionCode = m.RegionCode, ProjectCode = m.ProjectCode, Provider = m.AgencyCode,
            Name = m.TypeName, OwnerId = m.OwnerId, LimitWorkingDays = m.LimitWorkingDays, OpenedAt = m.CommissionedAt, OpenedDate = Date(m.CommissionedAt),
        });
        return Task.CompletedTask;
    }
}

/// <summary>开始: the review's clock runs; a start after 补充材料 ends the pause.</summary>
public sealed class ReviewStartedConsumer(SupervisionDbContext db, WorkingCalendar calendar, WarningThreshold threshold, TimeProvider clock, ILogger<ReviewStartedConsumer> log)
    : ServiceClockConsumer<ReviewStarted>(db, calendar, threshold, clock, log)
{
    protected override Task HandleAsync(ReviewStarted m, CancellationToken ct) =>
        ChangeAsync(m.ReviewId, s => { s.StartedAt ??= m.StartedAt; s.Resume(m.StartedAt); }, ct);
}

public sealed class ReviewSupplementConsumer(SupervisionDbContext db, WorkingCalendar calendar, WarningThreshold threshold, TimeProvider clock, ILogger<ReviewSupplementConsumer> log)
    : ServiceClockConsumer<ReviewSupplementRequested>(db, calendar, threshold, clock, log)
{
    protected override Task HandleAsync(ReviewSupplementRequested m, CancellationToken ct) => ChangeAsync(m.ReviewId, s => s.Pause(m.RequestedAt), ct);
}

public sealed class ReviewConcludedConsumer(SupervisionDbContext db, WorkingCalendar calendar, WarningThreshold threshold, TimeProvider clock, ILogger<ReviewConcludedConsumer> log)
    : ServiceClockConsumer<ReviewConcluded>(db, calendar, threshold, clock, log)
{
    protected override Task HandleAsync(ReviewConcluded m, CancellationToken ct) =>
        ChangeAsync(m.ReviewId, s => { s.Resume(m.ConcludedAt); (s.EndedAt, s.Result, s.OwnerId) = (m.ConcludedAt, m.ConclusionName, s.OwnerId ?? m.OwnerId); }, ct);
}

public sealed class UtilityAppliedConsumer(SupervisionDbContext db, WorkingCalendar calendar, WarningThreshold threshold, TimeProvider clock, ILogger<UtilityAppliedConsumer> log)
    : ServiceClockConsumer<UtilityApplied>(db, calendar, threshold, clock, log)
{
    protected override Task HandleAsync(UtilityApplied m, CancellationToken ct)
    {
        Open(new ServiceClock
        {
            Id = m.RequestId, Kind = ServiceClock.Utility, RegionCode = m.RegionCode, ProjectCode = m.ProjectCode, Provider = m.UtilityCode,
            Name = m.ServiceType, OwnerId = m.ApplicantId, OpenedAt = m.AppliedAt, OpenedDate = Date(m.AppliedAt), StartedAt = m.AppliedAt,
        });
        return Task.CompletedTask;
    }
}

public sealed class UtilityConnectedConsumer(SupervisionDbContext db, WorkingCalendar calendar, WarningThreshold threshold, TimeProvider clock, ILogger<UtilityConnectedConsumer> log)
    : ServiceClockConsumer<UtilityConnected>(db, calendar, threshold, clock, log)
{
    protected override Task HandleAsync(UtilityConnected m, CancellationToken ct) =>
        ChangeAsync(m.RequestId, s => (s.EndedAt, s.Result, s.OwnerId) = (m.ConnectedAt, "验收开通", s.OwnerId ?? m.ApplicantId), ct);
}

public sealed class CommissionAcceptedConsumer(SupervisionDbContext db, WorkingCalendar calendar, WarningThreshold threshold, TimeProvider clock, ILogger<CommissionAcceptedConsumer> log)
    : ServiceClockConsumer<CommissionAccepted>(db, calendar, threshold, clock, log)
{
    protected override Task HandleAsync(CommissionAccepted m, CancellationToken ct)
    {
        Open(new ServiceClock
        {
            Id = m.CommissionId, Kind = ServiceClock.Intermediary, RegionCode = m.RegionCode, ProjectCode = m.ProjectCode,
            Provider = m.AgencyId.ToString(), Name = m.ServiceType, OwnerId = m.OwnerId, OpenedAt = m.AcceptedAt, OpenedDate = Date(m.AcceptedAt),
        });
        return Task.CompletedTask;
    }
}

/// <summary>A commission's start and end (milestones change no clock).</summary>
public sealed class CommissionProgressedConsumer(SupervisionDbContext db, WorkingCalendar calendar, WarningThreshold threshold, TimeProvider clock, ILogger<CommissionProgressedConsumer> log)
    : ServiceClockConsumer<CommissionProgressed>(db, calendar, threshold, clock, log)
{
    protected override Task HandleAsync(CommissionProgressed m, CancellationToken ct) => m.Step switch
    {
        "started" => ChangeAsync(m.CommissionId, s => s.StartedAt ??= m.At, ct),
        "ended" => ChangeAsync(m.CommissionId, s => s.EndedAt = m.At, ct),
        _ => Task.CompletedTask,
    };
}
