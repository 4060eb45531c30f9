using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Reviews.Clients;
using Approval.Reviews.Data;
using Approval.Reviews.Domain;
using Approval.ServiceDefaults.Region;

namespace Approval.Reviews.Api;

/// <summary>Technical reviews (技术审查, R-8.1–R-8.4): the types, the applicant's commissions, reading one, the result file.</summary>
public static class ReviewsApi
{
    public static RouteGroupBuilder Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reviews").WithTags("Reviews").RequireAuthorization();
        api.MapGet("/types", Types).WithSummary("Review types with their limits and qualified agencies / 审查类型及具备资质的审查机构");
        api.MapPost("/", Commission).RequireAuthorization(Roles.Applicant)
            .WithSummary("Commission a technical review of your project from a qualified agency / 委托技术审查");
        api.MapGet("/", List).WithSummary("Reviews: the applicant's own, the agency's queue, or the region's for staff / 技术审查列表");
        api.MapGet("/{id:guid}", Get).WithSummary("One review with its clock, opinions and sealed result / 技术审查详情");
        api.MapGet("/{id:guid}/result", Download).WithSummary("The sealed result file / 下载审查结果文件");
        api.MapPost("/{id:guid}/supplement/answer", Answer).RequireAuthorization(Roles.Applicant)
            .WithSummary("Applicant: answer the agency's supplement request; the clock runs again / 提交补充材料");
        return api;
    }

    private static Ok<List<ReviewTypeDto>> Types(ReviewCatalog catalog, WorkingCalendarToday today) =>
        TypedResults.Ok(ReviewType.All.Select(t => new ReviewTypeDto(t.Code, t.Name, t.MaterialName, t.CatalogItemCode, catalog.LimitOf(t),
            t.RequiresResultFile, catalog.AgenciesFor(t.Code, today.Date).Select(a => new AgencyDto(a.Code, a.Name, a.ValidUntil)).ToList())).ToList());

    private static async Task<Created<ReviewDto>> Commission(CommissionRequest r, ClaimsPrincipal user, ProjectsClient projects, WorkingCalendarToday today,
        [AsParameters] ReviewsServices s, CancellationToken ct)
    {
        var (db, catalog, region, access, clock, audit) = (s.Db, s.Catalog, s.Region, s.Access, s.Clock, s.Audit);
        var type = ReviewType.Find(r.TypeCode);
        var errors = new FieldErrors()
            .Require(!string.IsNullOrWhiteSpace(r.ProjectCode), "projectCode", "is required", "必须填写项目代码")
            .Require(type is not null, "typeCode", $"must be one of {string.Join(", ", ReviewType.All.Select(t => t.Code))}", "不是已知的审查类型")
            .Require(!string.IsNullOrWhiteSpace(r.AgencyCode), "agencyCode", "is required", "必须选择审查机构")
            .Require((r.MaterialIds?.Count ?? 0) <= 50, "materialIds", "at most 50", "最多关联50份材料")
            .Require((r.Note?.Length ?? 0) <= 2000, "note", "at most 2000 characters", "说明最多2000字");
        if (type is not null && !string.IsNullOrWhiteSpace(r.AgencyCode) && catalog.Problem(r.AgencyCode.Trim(), type, today.Date) is { } problem)
            errors.Require(false, "agencyCode", problem.English, problem.Chinese);
        errors.ThrowIfAny();
        var code = r.ProjectCode!.Trim();
        var project = await projects.GetAsync(code, ct);
        if (project is null || project.OwnerId != user.UserId() || project.RegionCode != region.Code)
        {
            if (project is not null) await audit.DenyAsync("project", code, "commission a review: not the owner", ct, project.RegionCode);
            throw new NotFoundException("Project 项目", code);
        }
        var engineering = r.EngineeringCode?.Trim() is { Length: > 0 } e ? e : null;
        if (engineering is not null && project.EngineeringCodes.All(c => c.EngineeringCode != engineering))
            throw ValidationException.For("engineeringCode", $"{engineering} is not an engineering code of project {code}", $"{engineering}不是项目{code}的工程代码");
        var agency = r.AgencyCode!.Trim();
        var review = Review.Commission(Guid.NewGuid(), region.Code, user.UserId(), user.DisplayName(), code, engineering, type!, agency,
            catalog.NameOf(agency), catalog.LimitOf(type!), r.MaterialIds ?? [], r.Note?.Trim(), clock.GetUtcNow());
        db.Reviews.Add(review);
        db.AddOutboxEvent(new ReviewCommissioned(review.Id, review.RegionCode, review.ProjectCode, review.EngineeringCode, type!.Code, type.Name,
            agency, review.OwnerId, review.LimitWorkingDays, review.CommissionedAt), review.Id.ToString(), clock);
        audit.Add(AuditActions.StateChange, "review", review.Id.ToString(), $"委托{type.Name}：{agency}（项目{code}）", review.RegionCode);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/reviews/{review.Id}", access.ToDto(review));
    }

    private static async Task<Ok<List<ReviewDto>>> List(string? projectCode, string? engineeringCode, ClaimsPrincipal user, ReviewsDbContext db,
        ReviewAccess access, CancellationToken ct)
    {
        var query = db.Reviews.AsNoTracking();
        var organisation = user.OrganisationCode();
        var region = user.RegionCode();
        if (user.IsInRole(Roles.ReviewAgency)) query = query.Where(r => r.AgencyCode == organisation && r.RegionCode == region);
        else if (ReviewAccess.IsStaffReader(user)) query = query.Where(r => r.RegionCode == region);
        else { var userId = user.UserId(); query = query.Where(r => r.OwnerId == userId); }
        if (!string.IsNullOrWhiteSpace(projectCode)) query = query.Where(r => r.ProjectCode == projectCode.Trim());
        if (!string.IsNullOrWhiteSpace(engineeringCode)) query = query.Where(r => r.EngineeringCode == engineeringCode.Trim());
        var reviews = await query.OrderByDescending(r => r.CommissionedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(reviews.Select(access.ToDto).ToList());
    }

    private static async Task<Ok<ReviewDto>> Get(Guid id, ClaimsPrincipal user, ReviewAccess access, CancellationToken ct) =>
        TypedResults.Ok(access.ToDto(await access.ReadableAsync(id, user, ct)));

    private static async Task<FileContentHttpResult> Download(Guid id, ClaimsPrincipal user, ReviewsDbContext db, ReviewAccess access, CancellationToken ct)
    {
        var review = await access.ReadableAsync(id, user, ct);
        var file = await db.ResultFiles.AsNoTracking().FirstOrDefaultAsync(f => f.ReviewId == id, ct);
        if (review.Result is not { } result || file is null) throw new NotFoundException("Review result 审查结果文件", id.ToString());
        return TypedResults.File(file.Content, result.ContentType, result.FileName);
    }

    private static async Task<Ok<ReviewDto>> Answer(Guid id, SupplementAnswerBody r, ClaimsPrincipal user, [AsParameters] ReviewsServices s, CancellationToken ct)
    {
        var (db, access, clock, audit) = (s.Db, s.Access, s.Clock, s.Audit);
        new FieldErrors()
            .Require((r.Answer?.Length ?? 0) <= 2000, "answer", "at most 2000 characters", "说明最多2000字")
            .Require((r.MaterialIds?.Count ?? 0) <= 50, "materialIds", "at most 50", "最多关联50份材料")
            .Require(!string.IsNullOrWhiteSpace(r.Answer) || r.MaterialIds is { Count: > 0 }, "answer", "an answer or materials are required", "必须填写说明或关联补充材料")
            .ThrowIfAny();
        var review = await access.OfApplicantAsync(id, user, ct);
        review.AnswerSupplement(r.Answer?.Trim(), r.MaterialIds ?? [], clock.GetUtcNow());
        audit.Add(AuditActions.StateChange, "review", id.ToString(), "补充材料已提交，审查继续", review.RegionCode);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(access.ToDto(review));
    }
}
