using Approval.Licences.Data;
using Approval.ServiceDefaults.Region;

namespace Approval.Licences.Api;

/// <summary>
/// What most Licences endpoints need, bound as one <c>[AsParameters]</c> argument so a handler's signature lists only what
/// is particular to it (eShop's OrderServices pattern). Each constructor parameter matches a property by name and type.
/// </summary>
public sealed class LicencesServices(LicencesDbContext db, DeploymentRegion region, TimeProvider clock, IAuditLog audit)
{
    public LicencesDbContext Db { get; } = db;
    public DeploymentRegion Region { get; } = region;
    public TimeProvider Clock { get; } = clock;
    public IAuditLog Audit { get; } = audit;
}
