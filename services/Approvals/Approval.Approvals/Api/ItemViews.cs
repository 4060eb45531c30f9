using Approval.Approvals.Data;
using Approval.Approvals.Domain;
using Approval.Calendar;
using Approval.ServiceDefaults.Region;

namespace Approval.Approvals.Api;

/// <summary>Builds what a department (or the applicant) sees of items: status, clock, special procedures, 补正, the earlier item.</summary>
public sealed class ItemViews(ApprovalsDbContext db, WorkingCalendar calendar, WarningThreshold threshold, DeploymentRegion region, TimeProvider clock)
{
    public async Task<List<ItemInstanceDto>> ToDtosAsync(IReadOnlyCollection<ItemInstance> items, CancellationToken ct) =>
        await ToDtosAsync(items, await PausingAsync(items, ct), ct);

    /// <summary>
    /// A stage as its applicant sees it: the stage's clock and each item's, from one read of the items' special procedures
    /// and corrections (they pause the items and, together, the stage). <paramref name="items"/> are all the stage's items.
    /// </summary>
    public async Task<((ClockDto? Clock, string? Problem) Stage, List<ItemInstanceDto> Items)> StageViewAsync(
        StageInstance stage, IReadOnlyCollection<ItemInstance> items, CancellationToken ct)
    {
        var pausing = await PausingAsync(items, ct);
        var (reading, problem) = ReadStageClock(stage, pausing.Pauses(), clock.GetUtcNow());
        return ((reading is null ? null : ClockDto.Of(reading), problem), await ToDtosAsync(items, pausing, ct));
    }

    /// <summary>What pauses the items' clocks: their special procedures and corrections, read once.</summary>
    private sealed record Pausing(ILookup<Guid, SpecialProcedure> Procedures, ILookup<Guid, ItemCorrection> Corrections)
    {
        public IEnumerable<Pause> Pauses() => Procedures.SelectMany(p => p).Select(p => p.Pause()).Concat(Corrections.SelectMany(c => c).Select(c => c.Pause()));
        public IEnumerable<Pause> Pauses(Guid item) => Procedures[item].Select(p => p.Pause()).Concat(Corrections[item].Select(c => c.Pause()));
    }

    private async Task<Pausing> PausingAsync(IReadOnlyCollection<ItemInstance> items, CancellationToken ct)
    {
        var ids = items.Select(i => i.Id).ToList();
        var procedures = await db.SpecialProcedures.AsNoTracking().Where(p => ids.Contains(p.ItemInstanceId)).OrderBy(p => p.StartedAt).ToListAsync(ct);
        var corrections = await db.ItemCorrections.AsNoTracking().Where(c => ids.Contains(c.ItemInstanceId)).OrderBy(c => c.StartedAt).ToListAsync(ct);
        return new(procedures.ToLookup(p => p.ItemInstanceId), corrections.ToLookup(c => c.ItemInstanceId));
    }

    private async Task<List<ItemInstanceDto>> ToDtosAsync(IReadOnlyCollection<ItemInstance> items, Pausing pausing, CancellationToken ct)
    {
        var ordered = items.Where(i => i.AfterItemCode is not null).ToList();
        var stages = ordered.Select(i => i.StageInstanceId).Distinct().ToList();
        var codes = ordered.Select(i => i.AfterItemCode!).Distinct().ToList();
        var earlier = ordered.Count == 0 ? []
            : await db.Items.AsNoTracking().Where(i => stages.Contains(i.StageInstanceId) && codes.Contains(i.ItemCode)).ToListAsync(ct);
        var today = calendar.LocalDate(clock.GetUtcNow());
        var reviews = await ReviewsAsync(items, ct);
        return items.Select(i => ToDto(i, pausing,
            earlier.FirstOrDefault(e => e.StageInstanceId == i.StageInstanceId && e.ItemCode == i.AfterItemCode), today) with
        {
            Review = reviews.Where(r => ConcludedReview.Serves(r, i)).MaxBy(r => r.ConcludedAt) is { } r
                ? new ReviewResultDto(r.ReviewId, r.TypeName, r.ConclusionName, r.Passed, r.ConcludedAt) : null,
        }).ToList();
    }

    /// <summary>The concluded reviews of the projects whose items need one (catalog requiresReview), read once.</summary>
    private async Task<List<ConcludedReview>> ReviewsAsync(IReadOnlyCollection<ItemInstance> items, CancellationToken ct)
    {
        var projects = items.Where(i => i.RequiresReview is not null).Select(i => i.ProjectCode).Distinct().ToList();
        return projects.Count == 0 ? [] : await db.ConcludedReviews.AsNoTracking().Where(r => projects.Contains(r.ProjectCode)).ToListAsync(ct);
    }

    /// <summary>
    /// Each stage's clock — paused while any of its items is (special procedures, 补正) — or the reason it cannot be read (no
    /// limit kept, or a year missing from the region pack).
    /// </summary>
    public async Task<Dictionary<Guid, (ClockReading? Reading, string? Problem)>> ReadStageClocksAsync(IReadOnlyCollection<StageInstance> stages, CancellationToken ct)
    {
        var ids = stages.Select(s => s.Id).ToList();
        var pauses = (await (from p in db.SpecialProcedures.AsNoTracking()
                             join i in db.Items.AsNoTracking() on p.ItemInstanceId equals i.Id
                             where ids.Contains(i.StageInstanceId)
                             select new { i.StageInstanceId, Procedure = p }).ToListAsync(ct))
            .Select(x => (x.StageInstanceId, Pause: x.Procedure.Pause()))
            .Concat((await (from c in db.ItemCorrections.AsNoTracking()
                            join i in db.Items.AsNoTracking() on c.ItemInstanceId equals i.Id
                            where ids.Contains(i.StageInstanceId)
                            select new { i.StageInstanceId, Correction = c }).ToListAsync(ct))
                .Select(x => (x.StageInstanceId, Pause: x.Correction.Pause())))
            .ToLookup(x => x.StageInstanceId, x => x.Pause);
        var now = clock.GetUtcNow();
        return stages.ToDictionary(s => s.Id, s => ReadStageClock(s, pauses[s.Id], now));
    }

    /// <summary>The stage's clock, or the reason it cannot be read (no limit kept, or a year before the region pack's).</summary>
    private (ClockReading? Reading, string? Problem) ReadStageClock(StageInstance stage, IEnumerable<Pause> pauses, DateTimeOffset now)
    {
        try
        {
            return stage.ReadClock(calendar, pauses, now, threshold) is { } r
                ? (r, null)
                : (null, "the stage's time limit is unknown (opened before stage limits were kept) / 该阶段时限未知");
        }
        catch (CalendarRangeException e)
        {
            return (null, e.Message);
        }
    }

    public async Task<(ClockDto? Clock, string? Problem)> StageClockAsync(StageInstance stage, CancellationToken ct) =>
        (await ReadStageClocksAsync([stage], ct))[stage.Id] is var (r, problem) && r is not null ? (ClockDto.Of(r), null) : (null, problem);

    public async Task<ItemInstanceDto> ToDtoAsync(ItemInstance item, CancellationToken ct) => (await ToDtosAsync([item], ct))[0];

    private ItemInstanceDto ToDto(ItemInstance i, Pausing pausing, ItemInstance? earlier, DateOnly today)
    {
        ClockDto? clockDto = null;
        string? problem = null;
        try
        {
            clockDto = ClockDto.Of(i.ReadClock(calendar, pausing.Pauses(i.Id), clock.GetUtcNow(), threshold));
        }
        catch (CalendarRangeException e)
        {
            problem = e.Message; // the region pack lacks the year: say so rather than guess or fail
        }
        var followUp = i.FollowUp(today);
        return new ItemInstanceDto(
            i.Id, i.ApplicationId, i.StageInstanceId, i.ParallelInstanceCode, i.ProjectCode, i.ProjectName, i.ItemCode, i.ItemName, i.DepartmentCode,
            i.DepartmentName, i.TimeLimitWorkingDays, i.Status.Code(), i.Status.ChineseName(), i.Opinion, i.AcceptedAt, i.StartedAt,
            i.ConcludedAt, clockDto, problem,
            pausing.Procedures[i.Id].Select(p => new SpecialProcedureDto((int)p.Type, p.Type.ChineseName(), p.Reason, p.PlannedWorkingDays,
                p.StartedAt, p.EndedAt, p.Result)).ToList(),
            i.MaterialsToFollow, i.MaterialsDue, i.Milestone, i.NotificationCommitment,
            earlier is null ? null : new EarlierItemDto(earlier.Id, earlier.ItemCode, earlier.ItemName, earlier.DepartmentName,
                earlier.Status.Code(), earlier.Status.ChineseName(), earlier.HasConcluded, earlier.HasConcluded ? earlier.Opinion : null, earlier.ConcludedAt),
            i.Commitment is null ? null : new CommitmentDto(i.Commitment, i.CommitmentDue, i.CommitmentFulfilled, i.CommitmentVerification, i.CommitmentVerifiedAt),
            i.MaterialsHandedIn, i.MaterialsCompletedAt, i.CertificateReference, i.RevocationReason,
            followUp is null ? null : (int)followUp, followUp?.ChineseName(), i.EngineeringCode, i.ItemVersion, TimeLimitDto.Of(i.Limit),
            i.RecallableUntil(region.RecallGrace) is { } until && clock.GetUtcNow() <= until ? until : null, i.RecallReason,
            pausing.Corrections[i.Id].Select(ItemCorrectionDto.Of).ToList(), i.RequiresReview,
            LicenceContent: i.LicenceContent, LicenceValidityMonths: i.LicenceValidityMonths);
    }
}
