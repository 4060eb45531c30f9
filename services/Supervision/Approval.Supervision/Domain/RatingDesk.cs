using Approval.Calendar;
using Approval.Supervision.Data;

namespace Approval.Supervision.Domain;

/// <summary>
/// Takes ratings: finds the matter in the clocks (unknown or not the rater's → 404; not concluded → 409), refuses a second
/// rating of it (409), records the rating and, for a bad one, tells the unit's known leads that a call-back task is open.
/// Saved by the caller's unit of work.
/// </summary>
public sealed class RatingDesk(SupervisionDbContext db, WorkingCalendar calendar, RatingNotices notices, TimeProvider clock)
{
    /// <summary>An online rating of a concluded item instance, technical review or utility request by its applicant.</summary>
    public async Task<Rating> RateOnlineAsync(string? kind, Guid subjectId, string raterId, string region, int? level, string? comment, CancellationToken ct)
    {
        new FieldErrors().Require(kind is Rating.Item or Rating.Review or Rating.Utility, "kind",
            "must be item, review or utility (commissions are rated in the marketplace)", "须为 item、review 或 utility（中介服务在中介超市评价）").ThrowIfAny();
        Rating.Check(level, comment);
        RatingMatter matter;
        bool concluded;
        if (kind == Rating.Item)
        {
            var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.ItemInstanceId == subjectId, ct);
            if (item is null || item.ApplicantId != raterId || item.RegionCode != region) throw NotFound(subjectId);
            matter = new RatingMatter(item.RegionCode, item.ProjectCode, item.ItemName, item.DepartmentCode, item.DepartmentName);
            concluded = item.ConcludedAt is not null;
        }
        else
        {
            var service = await db.Set<ServiceClock>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == subjectId && s.Kind == kind, ct);
            if (service is null || service.OwnerId != raterId || service.RegionCode != region) throw NotFound(subjectId);
            matter = new RatingMatter(service.RegionCode, service.ProjectCode, service.Name, service.Provider, service.Provider);
            concluded = service.EndedAt is not null;
        }
        if (!concluded) throw new RatingRuleException("The matter is not concluded yet: it can be rated once concluded.", "该事项尚未办结，办结后方可评价。");
        return await AddAsync(kind!, subjectId, matter, raterId, Rating.Online, null, level, comment, ct);
    }

    /// <summary>The window's counter rating of one visit (an application received at the counter), on its applicant's behalf.</summary>
    public async Task<Rating> RateVisitAsync(Guid applicationId, string windowCode, string enteredBy, string region, int? level, string? comment, CancellationToken ct)
    {
        Rating.Check(level, comment);
        var visit = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.ApplicationId == applicationId, ct);
        if (visit is null || visit.RegionCode != region || visit.ReceivedAt is null) throw NotFound(applicationId);
        if (visit.Channel != "counter" || visit.ApplicantId is null)
            throw new RatingRuleException("This application was not received at the counter: there is no visit to rate.", "该申请不是窗口接件，没有可评价的窗口办理。");
        var matter = new RatingMatter(visit.RegionCode, visit.ProjectCode, $"第{visit.StageNo}阶段窗口接件", windowCode, $"综合窗口（{windowCode}）");
        return await AddAsync(Rating.Counter, applicationId, matter, visit.ApplicantId, Rating.Counter, enteredBy, level, comment, ct);
    }

    /// <summary>A commission rated in the marketplace (CommissionRated): the same store, once per commission.</summary>
    public async Task RecordCommissionAsync(Guid commissionId, string region, string ownerId, string unitCode, string unitName, int level, string? comment,
        DateTimeOffset at, CancellationToken ct)
    {
        if (await db.Ratings.AnyAsync(r => r.Kind == Rating.Intermediary && r.SubjectId == commissionId, ct)) return;
        var service = await db.Set<ServiceClock>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == commissionId, ct);
        var matter = new RatingMatter(region, service?.ProjectCode, service?.Name ?? "中介服务", unitCode, unitName);
        // The marketplace checked the level; a comment it allowed longer than ours is cut, not refused (the rating happened).
        var text = comment is { Length: > Rating.MaxComment } ? comment[..Rating.MaxComment] : comment;
        await AddAsync(Rating.Create(Rating.Intermediary, commissionId, matter, ownerId, Rating.Online, null, level, text, at, calendar.LocalDate(at)), ct);
    }

    private async Task<Rating> AddAsync(string kind, Guid subjectId, RatingMatter matter, string raterId, string channel, string? enteredBy,
        int? level, string? comment, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rating = Rating.Create(kind, subjectId, matter, raterId, channel, enteredBy, level, comment, now, calendar.LocalDate(now));
        if (await db.Ratings.AnyAsync(r => r.Kind == kind && r.SubjectId == subjectId, ct))
            throw new RatingRuleException("This matter has been rated already: a matter is rated once.", "该事项已评价，每个事项只能评价一次。");
        await AddAsync(rating, ct);
        return rating;
    }

    private async Task AddAsync(Rating rating, CancellationToken ct)
    {
        db.Ratings.Add(rating);
        if (rating.Bad) await notices.TaskOpenedAsync(rating, ct);
    }

    private static NotFoundException NotFound(Guid id) => new("Rated matter 评价事项", id.ToString());
}
