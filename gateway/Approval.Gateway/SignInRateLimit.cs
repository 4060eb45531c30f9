using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Approval.Gateway;

/// <summary>
/// Login rate limiting: the password sign-in and the token endpoint accept at most
/// Approval:Gateway:SignInPermitsPerMinute requests per client address per minute; beyond that, 429.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Approval:Gateway:SignInPermitsPerMinute", 120);
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
