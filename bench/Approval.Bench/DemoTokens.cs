using System.Collections.Concurrent;
using Approval.EndToEnd.Tests;

namespace Approval.Bench;

/// <summary>
/// Bearer tokens of the seeded demo users (applicant-demo, window-demo, dept-&lt;code&gt;, review-demo) and the region admin
/// (admin), each signed in once with authorization code + PKCE. The password is APPROVAL_DEMO_PASSWORD (the admin's
/// APPROVAL_ADMIN_PASSWORD) and the staff's TOTP key
/// APPROVAL_DEMO_TOTP_KEY, else the local defaults of the AppHost.
/// </summary>
public sealed class DemoTokens(Uri gateway)
{
    private static readonly string Password = Environment.GetEnvironmentVariable("APPROVAL_DEMO_PASSWORD") is { Length: > 0 } p ? p : "Demo#2026pass";
    private static readonly string AdminPassword = Environment.GetEnvironmentVariable("APPROVAL_ADMIN_PASSWORD") is { Length: > 0 } a ? a : "Admin#2026pass";
    private static readonly string TotpKey = Environment.GetEnvironmentVariable("APPROVAL_DEMO_TOTP_KEY") is { Length: > 0 } k ? k : "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> tokens = new();

    public Task<string> ForAsync(string userName) =>
        tokens.GetOrAdd(userName, u => new Lazy<Task<string>>(async () => (await new OidcClient(gateway).SignInAsync(u, u == "admin" ? AdminPassword : Password, TotpKey)).AccessToken)).Value;
}
