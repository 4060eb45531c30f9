using Approval.Contracts.Codes;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Npgsql;

namespace Approval.Supervision.Api;

/// <summary>
/// /api/supervision/ratings (好差评, R-11.1): the applicant rates a concluded matter once online, the window a counter visit
/// once; the rating with its handling is read by the rater, the unit's staff and the region's supervisors
/// (<see cref="RatingsHandlingApi"/> for the call-back task, <see cref="RatingStatistics"/> for the figures).
/// </summary>
public static class RatingsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var ratings = api.MapGroup("/ratings").WithTags("Ratings").AddEndpointFilter<SupervisorDirectoryFilter>();
        ratings.MapPost("", Rate).RequireAuthorization(Roles.Applicant)
            .WithSummary("Rate a concluded item, technical review or utility request once (level 1–5, comment) / 好差评：评价已办结事项");
        ratings.MapPost("/counter", RateVisit).RequireAuthorization(Roles.Window)
            .WithSummary("The window enters the applicant's rating of a counter visit, once per visit / 窗口代录现场评价");
        ratings.MapGet("/mine", Mine).RequireAuthorization(Roles.Applicant)
            .WithSummary("The applicant's concluded matters with their ratings and answers / 我的评价");
        ratings.MapGet("/{id:guid}", Get).RequireAuthorization()
            .WithSummary("One rating with its call-back, rectification, answer and appeal / 评价详情");
        RatingsHandlingApi.Map(ratings);
        RatingStatistics.Map(ratings);
    }

    private static async Task<Created<RatingDto>> Rate(RateRequest request, ClaimsPrincipal user, RatingDesk desk, SupervisionDbContext db,
        IAuditLog audit, CancellationToken ct)
    {
        var rating = await desk.RateOnlineAsync(request.Kind, request.SubjectId, user.UserId(), user.RegionCode() ?? "", request.Level, request.Comment, ct);
        return await SaveAsync(rating, user, db, audit, ct);
    }

    private static async Task<Created<RatingDto>> RateVisit(CounterRateRequest request, ClaimsPrincipal user, RatingDesk desk, SupervisionDbContext db,
        IAuditLog audit, CancellationToken ct)
    {
        var window = user.OrganisationCode();
        if (string.IsNullOrEmpty(window))
            throw new RequestRefusedException(403, "Forbidden / 无权访问", "A window account without an organisation cannot enter ratings.", "未归属窗口机构的账号不能代录评价。");
        var rating = await desk.RateVisitAsync(request.ApplicationId, window, user.DisplayName(), user.RegionCode() ?? "", request.Level, request.Comment, ct);
        return await SaveAsync(rating, user, db, audit, ct);
    }

    private static async Task<Created<RatingDto>> SaveAsync(Rating rating, ClaimsPrincipal user, SupervisionDbContext db, IAuditLog audit, CancellationToken ct)
    {
        audit.Add(AuditActions.StateChange, "rating", rating.Id.ToString(),
            $"{rating.Kind} {rating.SubjectId} rated {rating.Level} {SatisfactionNames.Names[rating.Level]} ({rating.Channel})", rating.RegionCode, user);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new RatingRuleException("This matter has been rated already: a matter is rated once.", "该事项已评价，每个事项只能评价一次。");
        }
        return TypedResults.Created($"/api/supervision/ratings/{rating.Id}", RatingDto.Of(rating, staff: false));
    }

    private static async Task<Ok<List<RatableDto>>> Mine(ClaimsPrincipal user, SupervisionDbContext db, CancellationToken ct)
    {
        var me = user.UserId();
        var region = user.RegionCode();
        var items = await db.Items.AsNoTracking()
            .Where(i => i.ApplicantId == me && i.RegionCode == region && i.ConcludedAt != null && i.ItemInstanceId != null)
            .OrderByDescending(i => i.ConcludedAt).Take(200)
            .Select(i => new RatableDto(Rating.Item, i.ItemInstanceId!.Value, i.ProjectCode, i.ItemName, i.DepartmentName, i.ConcludedAt!.Value, null))
            .ToListAsync(ct);
        var services = await db.Set<ServiceClock>().AsNoTracking()
            .Where(s => s.OwnerId == me && s.RegionCode == region && s.EndedAt != null && (s.Kind == Rating.Review || s.Kind == Rating.Utility))
            .OrderByDescending(s => s.EndedAt).Take(200)
            .Select(s => new RatableDto(s.Kind, s.Id, s.ProjectCode, s.Name, s.Provider, s.EndedAt!.Value, null))
            .ToListAsync(ct);
        var ratings = await db.Ratings.AsNoTracking().Where(r => r.RaterId == me && r.RegionCode == region)
            .OrderByDescending(r => r.RatedAt).Take(400).ToListAsync(ct);
        var byMatter = ratings.ToDictionary(r => (r.Kind, r.SubjectId));
        var matters = items.Concat(services)
            .Select(m => m with { Rating = byMatter.TryGetValue((m.Kind, m.SubjectId), out var r) ? RatingDto.Of(r, staff: false) : null });
        // Ratings of matters not listed above (commissions rated in the marketplace, counter visits) follow.
        var listed = items.Concat(services).Select(m => (m.Kind, m.SubjectId)).ToHashSet();
        var others = ratings.Where(r => !listed.Contains((r.Kind, r.SubjectId)))
            .Select(r => new RatableDto(r.Kind, r.SubjectId, r.ProjectCode, r.SubjectName, r.UnitName, r.RatedAt, RatingDto.Of(r, staff: false)));
        return TypedResults.Ok(matters.Concat(others).OrderByDescending(m => m.ConcludedAt).ToList());
    }

    private static async Task<Ok<RatingDto>> Get(Guid id, ClaimsPrincipal user, SupervisionDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var (rating, staff) = await RatingAccess.ForReaderAsync(db, audit, id, user, ct);
        return TypedResults.Ok(RatingDto.Of(rating, staff));
    }
}
