using Approval.Identity.Data;

namespace Approval.Identity.Domain;

/// <summary>Failed password sign-ins of one account from one client address (table sign_in_failures).</summary>
public sealed class SignInFailure
{
    public required string UserId { get; init; }
    public required string Address { get; init; }
    public int Failures { get; set; }
    public DateTimeOffset FirstFailureAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}

/// <summary>
/// Lockout per account and client address (issue 13): Approval:Identity:MaxFailedAccessAttempts (default 5) wrong
/// passwords within 15 minutes from one address lock the account for that address for 15 minutes; every other address
/// still signs in. So nobody can lock a department's staff out by guessing dept-CODE passwords from the internet, while
/// a guesser still gets only a handful of tries per address (and the gateway's rate limit per address on top).
/// </summary>
public sealed class SignInLockout(IdentityDbContext db, TimeProvider clock, IConfiguration configuration)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);
    private int MaxFailures => configuration.GetValue("Approval:Identity:MaxFailedAccessAttempts", 5);

    public async Task<bool> IsLockedAsync(string userId, string address, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.SignInFailures.AsNoTracking().AnyAsync(f => f.UserId == userId && f.Address == address && f.LockedUntil > now, ct);
    }

    /// <summary>Counts a wrong password, atomically (racing requests from one address each count).</summary>
    public async Task RecordFailureAsync(string userId, string address, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var windowStart = now - Window;
        var lockedUntil = now + Duration;
        var max = MaxFailures;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sign_in_failures (user_id, address, failures, first_failure_at, locked_until)
            VALUES ({userId}, {address}, 1, {now}, CASE WHEN 1 >= {max} THEN {lockedUntil} END)
            ON CONFLICT (user_id, address) DO UPDATE SET
              failures = CASE WHEN sign_in_failures.first_failure_at < {windowStart} THEN 1 ELSE sign_in_failures.failures + 1 END,
              first_failure_at = CASE WHEN sign_in_failures.first_failure_at < {windowStart} THEN {now} ELSE sign_in_failures.first_failure_at END,
              locked_until = CASE
                WHEN (CASE WHEN sign_in_failures.first_failure_at < {windowStart} THEN 1 ELSE sign_in_failures.failures + 1 END) >= {max}
                THEN {lockedUntil} ELSE sign_in_failures.locked_until END
            """, ct);
    }

    /// <summary>A successful sign-in from the address forgets its failures.</summary>
    public Task ResetAsync(string userId, string address, CancellationToken ct) =>
        db.SignInFailures.Where(f => f.UserId == userId && f.Address == address).ExecuteDeleteAsync(ct);
}
