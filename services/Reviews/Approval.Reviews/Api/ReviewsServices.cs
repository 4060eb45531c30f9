using Approval.Reviews.Data;
using Approval.Reviews.Domain;
using Approval.ServiceDefaults.Region;

namespace Approval.Reviews.Api;

/// <summary>
/// What most Reviews endpoints need, bound as one <c>[AsParameters]</c> argument so a handler's signature lists only
/// what is particular to it (as IntakeServices, ApprovalsServices, LicencesServices).
/// </summary>
public sealed class ReviewsServices(ReviewsDbContext db, TimeProvider clock, IAuditLog audit, ReviewAccess access, DeploymentRegion region,
    ReviewCatalog catalog)
{
    public ReviewsDbContext Db { get; } = db;
    public TimeProvider Clock { get; } = clock;
    public IAuditLog Audit { get; } = audit;
    public ReviewAccess Access { get; } = access;
    public DeploymentRegion Region { get; } = region;
    public ReviewCatalog Catalog { get; } = catalog;
}
