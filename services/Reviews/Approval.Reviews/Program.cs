using Approval.Reviews;
using Approval.Reviews.Data;
using Approval.ServiceDefaults;

// AddServiceDefaults, AddReviews; the common pipeline and /health, then its endpoints; migrate, start (ApprovalService).
await ApprovalService.RunAsync<ReviewsDbContext>(args, b => b.AddReviews(), app => app.MapReviewsApi());
