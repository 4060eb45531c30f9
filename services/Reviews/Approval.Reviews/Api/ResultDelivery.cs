using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Reviews.Data;
using Approval.Reviews.Domain;

namespace Approval.Reviews.Api;

/// <summary>
/// A passing result (合格 / 修改后合格) becomes the applicant's reusable material in Intake (ProjectMaterialDelivered, R-4.6):
/// named after the material it serves (施工图审查合格书), sealed by the agency, owned by the applicant who commissioned it.
/// </summary>
public static class ResultDelivery
{
    public static void Add(ReviewsDbContext db, Review review, ReviewType type, ResultFile? file, TimeProvider clock)
    {
        if (!review.Passed || file is null || review.Result is not { } result) return;
        db.AddOutboxEvent(new ProjectMaterialDelivered(review.Id, review.RegionCode, review.OwnerId, review.ProjectCode, review.EngineeringCode,
            type.MaterialName, file.FileName, file.ContentType, result.Sha256, file.Content, "reviews", review.Id.ToString(), result.SealCode,
            review.ConcludedAt!.Value), review.Id.ToString(), clock);
    }
}
