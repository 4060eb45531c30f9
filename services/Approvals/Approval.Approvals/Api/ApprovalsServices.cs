using Approval.Approvals.Data;
using Approval.ServiceDefaults.Region;

namespace Approval.Approvals.Api;

/// <summary>
/// What most Approvals endpoints need, bound as one <c>[AsParameters]</c> argument so a handler's signature lists only
/// what is particular to it (eShop's OrderServices pattern).
/// </summary>
public sealed class ApprovalsServices(ApprovalsDbContext db, DeploymentRegion region, TimeProvider clock, IAuditLog audit)
{
    public ApprovalsDbContext Db { get; } = db;
    public DeploymentRegion Region { get; } = region;
    public TimeProvider Clock { get; } = clock;
    public IAuditLog Audit { get; } = audit;
}
