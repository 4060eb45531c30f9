using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Approval.ServiceDefaults.Options;

/// <summary>
/// The one way a service binds its settings: the class is bound to its configuration section, checked by its data
/// annotations (and any <c>.Validate(…)</c> the caller adds) when the host starts — a wrong setting stops the service
/// at start with the setting named (OptionsValidationException), not at its first use hours later.
/// </summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IHostApplicationBuilder builder, string section)
        where TOptions : class =>
        builder.Services.AddOptions<TOptions>().Bind(builder.Configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
}

/// <summary>A setting that must be greater than zero: a TimeSpan (an interval, a lease, a backoff) or a number (a count, a limit).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PositiveAttribute() : ValidationAttribute("{0} must be greater than zero.")
{
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        TimeSpan t => t > TimeSpan.Zero,
        int i => i > 0,
        _ => throw new InvalidOperationException($"[Positive] applies to TimeSpan and int settings, not {value.GetType().Name}."),
    };
}
