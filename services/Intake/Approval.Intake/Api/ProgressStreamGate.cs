using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace Approval.Intake.Api;

/// <summary>
/// The limits of live progress streams: at most <see cref="IntakeLimits.StreamsPerAccount"/> open at once per account
/// (per Intake replica; the next answers 429), and each ends when the caller's token expires (its <c>exp</c>), so a
/// stream never outlives the authorisation it was opened with — the client reconnects with a fresh token.
/// </summary>
public sealed class ProgressStreamGate
{
    private readonly ConcurrentDictionary<string, int> open = new();

    /// <summary>A place for the account's stream, released on dispose; null when the account has <paramref name="limit"/> open already.</summary>
    public IDisposable? TryEnter(string account, int limit)
    {
        var granted = false;
        open.AddOrUpdate(account, _ => { granted = limit > 0; return granted ? 1 : 0; }, (_, n) =>
        {
            granted = n < limit;
            return granted ? n + 1 : n;
        });
        return granted ? new Place(this, account) : null;
    }

    public int OpenFor(string account) => open.TryGetValue(account, out var n) ? n : 0;

    private void Leave(string account)
    {
        var left = open.AddOrUpdate(account, 0, (_, n) => Math.Max(0, n - 1));
        if (left == 0) open.TryRemove(KeyValuePair.Create(account, 0));
    }

    private sealed class Place(ProgressStreamGate gate, string account) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) gate.Leave(account);
        }
    }

    /// <summary>
    /// How long the stream may stay open: until the token's expiry (<c>exp</c> claim, else the expiry the authentication
    /// handler recorded) on the clock that validated it; a token without a known expiry gets no stream time at all.
    /// </summary>
    public static TimeSpan Remaining(ClaimsPrincipal user, AuthenticationProperties? properties, DateTimeOffset now)
    {
        DateTimeOffset? expires = long.TryParse(user.FindFirstValue("exp"), out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp) : properties?.ExpiresUtc;
        return expires is { } at && at > now ? at - now : TimeSpan.Zero;
    }
}
