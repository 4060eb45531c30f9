using Approval.ServiceDefaults.Http;
using System.Security.Cryptography;
using Approval.Calendar;
using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Messaging.Systems;
using Approval.Reviews.Clients;
using Approval.Reviews.Data;
using Approval.Reviews.Domain;

namespace Approval.Reviews.Api;

/// <summary>The agency's work on a review commissioned from it: 开始, 补充材料, 办结 with the sealed result.</summary>
public static class AgencyApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/start", Start).RequireAuthorization(Roles.ReviewAgency)
            .WithSummary("Agency: start the review (the materials are received); its clock starts / 审查机构：开始审查").AcceptsIdempotencyKey();
        api.MapPost("/{id:guid}/supplement", Supplement).RequireAuthorization(Roles.ReviewAgency)
            .WithSummary("Agency: ask the applicant for a supplement; the clock pauses / 审查机构：要求补充材料（计时暂停）").AcceptsIdempotencyKey();
        api.MapPost("/{id:guid}/conclude", Conclude).RequireAuthorization(Roles.ReviewAgency)
            .WithSummary("Agency: conclude with conclusion, opinions per discipline and the result PDF, sealed with the agency's e-seal / 审查机构：办结并签章").AcceptsIdempotencyKey();
    }

    private static async Task<Ok<ReviewDto>> Start(Guid id, ClaimsPrincipal user, WorkingCalendar calendar, WarningThreshold threshold,
        [AsParameters] ReviewsServices s, CancellationToken ct)
    {
        var (db, access, clock, audit) = (s.Db, s.Access, s.Clock, s.Audit);
        var review = await access.OfAgencyAsync(id, user, ct);
        var now = clock.GetUtcNow();
        review.Start(now);
        var deadline = review.ReadClock(calendar, now, threshold)!.Deadline;
        db.AddOutboxEvent(new ReviewStarted(review.Id, review.RegionCode, review.ProjectCode, review.TypeCode, review.AgencyCode, review.OwnerId,
            deadline, now), review.Id.ToString(), clock);
        audit.Add(AuditActions.StateChange, "review", id.ToString(), $"开始审查，期限{deadline:yyyy-MM-dd}", review.RegionCode);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(access.ToDto(review));
    }

    private static async Task<Ok<ReviewDto>> Supplement(Guid id, SupplementRequestBody r, ClaimsPrincipal user, [AsParameters] ReviewsServices s,
        CancellationToken ct)
    {
        var (db, access, clock, audit) = (s.Db, s.Access, s.Clock, s.Audit);
        var review = await access.OfAgencyAsync(id, user, ct);
        new FieldErrors()
            .Require(!string.IsNullOrWhiteSpace(r.Reason), "reason", "is required", "必须说明需要补充的材料")
            .Require((r.Reason?.Length ?? 0) <= 2000, "reason", "at most 2000 characters", "最多2000字")
            .ThrowIfAny();
        var now = clock.GetUtcNow();
        review.RequestSupplement(r.Reason!.Trim(), now);
        db.AddOutboxEvent(new ReviewSupplementRequested(review.Id, review.RegionCode, review.ProjectCode, review.TypeCode, review.AgencyCode,
            review.OwnerId, r.Reason.Trim(), now), review.Id.ToString(), clock);
        audit.Add(AuditActions.StateChange, "review", id.ToString(), "要求补充材料（计时暂停）", review.RegionCode);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(access.ToDto(review));
    }

    /// <summary>
    /// The state is checked before anything is sealed (409 for a review not started or awaiting a supplement); the result is
    /// sealed by Licences with the agency user's token; a passing result becomes the applicant's material (Intake).
    /// </summary>
    private static async Task<Ok<ReviewDto>> Conclude(Guid id, ConcludeRequest r, ClaimsPrincipal user, SealingClient licences,
        [AsParameters] ReviewsServices s, CancellationToken ct)
    {
        var (db, access, clock, audit) = (s.Db, s.Access, s.Clock, s.Audit);
        var review = await access.OfAgencyAsync(id, user, ct);
        var type = ReviewType.Find(review.TypeCode)!;
        var (conclusion, opinions, file) = ConcludeInput.Validate(r, type);
        if (review.Status != ReviewStatus.InReview) throw ReviewRuleException.Transition(review.Status, "concluded", "办结");
        var now = clock.GetUtcNow();
        ReviewResult? result = null;
        if (file is not null)
        {
            var signature = await licences.SignAsync(file.Content, ct);
            result = new ReviewResult(file.FileName, file.ContentType, Convert.ToHexStringLower(SHA256.HashData(file.Content)), file.Content.Length, signature.SealId,
                signature.SealCode, signature.Signature, signature.SignedAt);
        }
        review.Conclude(conclusion, opinions, result, now);
        if (file is not null) db.ResultFiles.Add(new ResultFileContent { ReviewId = review.Id, Content = file.Content });
        db.AddOutboxEvent(new ReviewConcluded(review.Id, review.RegionCode, review.ProjectCode, review.EngineeringCode, type.Code, type.Name,
            review.AgencyCode, review.OwnerId, conclusion.Code(), conclusion.ChineseName(), review.Passed, result?.SealCode, now), review.Id.ToString(), clock);
        ResultDelivery.Add(db, review, type, file, clock);
        audit.Add(AuditActions.StateChange, "review", id.ToString(), $"办结：{conclusion.ChineseName()}" + (result is null ? "" : $"，签章{result.SealCode}"),
            review.RegionCode);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(access.ToDto(review));
    }
}
