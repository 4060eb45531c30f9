using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Approval.Gateway;

/// <summary>
/// Rate limits on the anonymous entry points (issue 13), each a fixed one-minute window per client address — the
/// connection's address after forwarded-header processing, i.e. the real client when an ingress proxy the gateway
/// trusts is in front of it, never an address the client claims. Permits per minute, Approval:Gateway:RateLimits:
/// SignIn (password sign-in and the token endpoint together), Totp, Registration, Verification (licence and seal
/// verification). Beyond that, 429 with Retry-After and a ProblemDetails in Chinese and English.
/// The routes name their policy in appsettings.json (ReverseProxy:Routes:*:RateLimiterPolicy; routes of their own, beside GatewayRoutes's).
/// </summary>
public static class GatewayRateLimits
{
    public const string Section = "Approval:Gateway:RateLimits";

    /// <summary>Policy name and its configuration key, with the default permits per minute.</summary>
    public static readonly (string Policy, string Key, int Default)[] Policies =
    [
        ("sign-in", "SignIn", 120),
        ("totp", "Totp", 60),
        ("registration", "Registration", 20),
        ("verification", "Verification", 60),
    ];

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, IConfiguration configuration) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            foreach (var (policy, key, fallback) in Policies)
            {
                var permits = configuration.GetValue($"{Section}:{key}", fallback);
                if (permits < 1) throw new InvalidOperationException($"{Section}:{key} must be at least 1 (permits per minute), not {permits}.");
                o.AddPolicy(policy, http => RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            }
        });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var response = rejected.HttpContext.Response;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = rejected.HttpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "请求过于频繁 / Too many requests",
                Detail = $"请求过于频繁，请 {seconds} 秒后再试。 / Too many requests from this address: try again in {seconds} seconds.",
                Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
            },
        });
    }
}
