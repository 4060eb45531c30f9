using Approval.Contracts.Codes;
using Approval.Calendar;
using Approval.Marketplace.Data;
using Approval.Marketplace.Domain;
using Microsoft.Extensions.Options;

namespace Approval.Marketplace.Api;

/// <summary>Commissions as the API shows them, with their clocks on the region calendar, and an agency's record (ratings, timeliness).</summary>
public sealed class CommissionViews(MarketplaceDbContext db, WorkingCalendar calendar, WarningThreshold threshold, IOptions<MarketplaceOptions> options, TimeProvider clock)
{
    public int AcceptWorkingDays => options.Value.AcceptWorkingDays;

    public bool AnswerLapsed(Commission c) => CommissionClock.AnswerLapsed(c, AcceptWorkingDays, calendar, clock.GetUtcNow());

    public async Task<CommissionDto> ViewAsync(Commission c, CancellationToken ct)
    {
        var deliverables = await db.Deliverables.AsNoTracking().Where(d => d.CommissionId == c.Id).OrderBy(d => d.DeliveredAt).ToListAsync(ct);
        return View(c, deliverables);
    }

    public async Task<List<CommissionDto>> ViewAllAsync(IReadOnlyList<Commission> list, CancellationToken ct)
    {
        var ids = list.Select(c => c.Id).ToList();
        var deliverables = await db.Deliverables.AsNoTracking().Where(d => ids.Contains(d.CommissionId)).OrderBy(d => d.DeliveredAt).ToListAsync(ct);
        return list.Select(c => View(c, deliverables.Where(d => d.CommissionId == c.Id).ToList())).ToList();
    }

    private CommissionDto View(Commission c, List<Deliverable> deliverables)
    {
        var now = clock.GetUtcNow();
        var type = ServiceTypes.Find(c.ServiceType);
        return new CommissionDto(c.Id, c.SelectionId, c.ProjectCode, c.EngineeringCode, c.ServiceType, type?.Name ?? c.ServiceType,
            c.AgencyId, c.AgencyName, new CodeName((int)c.Status, c.Status.ChineseName()), c.OfferedAt,
            ClockDto.From(CommissionClock.Answer(c, AcceptWorkingDays, calendar, threshold, now)), c.AnsweredAt, c.DeclineReason,
            c.StartedAt, c.Milestones, c.EndedAt, ClockDto.From(CommissionClock.Service(c, calendar, threshold, now)), c.LimitWorkingDays,
            c.Satisfaction is { } s ? new CodeName(s, SatisfactionNames.Names[s]) : null, c.RatingComment, c.RatedAt,
            deliverables.Select(DeliverableDto.From).ToList());
    }

    /// <summary>The agency's record from its ended commissions: how many ended on time and its ratings.</summary>
    public async Task<Dictionary<Guid, AgencyRecordDto>> RecordsAsync(IReadOnlyCollection<Guid> agencyIds, CancellationToken ct)
    {
        var ended = await db.Commissions.AsNoTracking().Where(c => agencyIds.Contains(c.AgencyId) && c.Status == CommissionStatus.Ended).ToListAsync(ct);
        return agencyIds.ToDictionary(id => id, id =>
        {
            var mine = ended.Where(c => c.AgencyId == id).ToList();
            var rated = mine.Where(c => c.Satisfaction is not null).Select(c => c.Satisfaction!.Value).ToList();
            return new AgencyRecordDto(mine.Count, mine.Count(c => CommissionClock.OnTime(c, calendar)), rated.Count,
                rated.Count == 0 ? null : Math.Round(rated.Average(), 2),
                SatisfactionNames.Names.ToDictionary(n => n.Value, n => rated.Count(r => r == n.Key)));
        });
    }
}
