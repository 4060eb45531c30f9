using Approval.ServiceDefaults;
using Approval.ServiceDefaults.Options;

namespace Approval.Intake.Api;

/// <summary>
/// Settings "Approval:Intake:Limits": how much one user can keep in Intake. Request bodies are bounded for every
/// endpoint by <c>Approval:RequestLimits:BodyKilobytes</c> (256 KB, 413), uploads by <see cref="MaterialLimits"/>.
/// </summary>
public sealed class IntakeLimits
{
    [Positive]
    public int DraftsPerApplicant { get; set; } = 20;
    [Positive]
    public int MaterialsPerApplicant { get; set; } = 500;
    [Positive]
    public int MaterialsPerApplication { get; set; } = 100;
    [Positive]
    public int ConsultationsPerApplication { get; set; } = 50;
    [Positive]
    public int StreamsPerAccount { get; set; } = 20;

    /// <summary>
    /// Counts under a transaction-scoped advisory lock on <paramref name="key"/>, so two concurrent requests cannot both
    /// pass the check; throws 409 naming the limit when <paramref name="adding"/> more would exceed it. Call inside a transaction.
    /// </summary>
    public static async Task EnsureRoomAsync(DbContext db, string key, Func<CancellationToken, Task<int>> count, int adding, int limit,
        string english, string chinese, CancellationToken ct)
    {
        await db.Database.LockAsync(key, ct);
        if (await count(ct) + adding > limit) throw new LimitReachedException(english, chinese);
    }
}

/// <summary>A per-user store is full (409); the message names the limit.</summary>
public sealed class LimitReachedException(string message, string chineseMessage) : DomainException(message, chineseMessage);
