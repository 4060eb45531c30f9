using Approval.Intake.Data;
using Microsoft.Extensions.Options;

namespace Approval.Intake.Api;

/// <summary>
/// What most Intake endpoints need, bound as one <c>[AsParameters]</c> argument so a handler's signature lists only what
/// is particular to it (eShop's OrderServices pattern). Each constructor parameter matches a property by name and type, as
/// <c>[AsParameters]</c> demands (a mismatch fails the endpoint at start).
/// </summary>
public sealed class IntakeServices(IntakeDbContext db, TimeProvider clock, IAuditLog audit, IOptions<IntakeLimits> limits)
{
    public IntakeDbContext Db { get; } = db;
    public TimeProvider Clock { get; } = clock;
    public IAuditLog Audit { get; } = audit;
    public IOptions<IntakeLimits> Limits { get; } = limits;
}
