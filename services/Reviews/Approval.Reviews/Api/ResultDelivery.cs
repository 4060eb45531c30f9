using Approval.Reviews.Data;
using Approval.Reviews.Domain;

namespace Approval.Reviews.Api;

/// <summary>A passing result becomes the applicant's reusable material in Intake (ProjectMaterialDelivered, R-4.6).</summary>
public static class ResultDelivery
{
    public static void Add(ReviewsDbContext db, Review review, ReviewType type, ResultFile? file, TimeProvider clock)
    {
        // Filled in once the foundation's ProjectMaterialDelivered event is on main.
    }
}
