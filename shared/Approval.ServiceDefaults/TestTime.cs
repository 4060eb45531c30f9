using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Approval.ServiceDefaults;

/// <summary>
/// The service's clock. Always the system clock, except in the Development and Testing environments when
/// <c>Approval:Time:Now</c> is set (an ISO 8601 instant): then the clock starts at that instant when the process
/// starts and runs at normal speed, so end-to-end tests can put a case in a known stretch of the calendar (a
/// holiday). In any other environment the setting stops the start: a deployment never runs on a made-up time.
/// </summary>
public static class TestTime
{
    public const string Setting = "Approval:Time:Now";

    public static TimeProvider From(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration[Setting] is not { Length: > 0 } value) return TimeProvider.System;
        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
            throw new InvalidOperationException($"{Setting} is for tests only (Development/Testing); it is set in {environment.EnvironmentName}. Remove it.");
        if (!DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var start))
            throw new InvalidOperationException($"{Setting} must be an ISO 8601 instant such as 2026-09-24T09:00:00+08:00, not '{value}'.");
        return new ShiftedTimeProvider(start - TimeProvider.System.GetUtcNow());
    }

    /// <summary>The system clock moved by a fixed offset; timers and stopwatches are the system's.</summary>
    private sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + offset;
        public override TimeZoneInfo LocalTimeZone => TimeProvider.System.LocalTimeZone;
    }
}
