namespace Approval.Identity.Api;

/// <summary>
/// Bounds on what a caller may send to Identity (issue 13: a 3,000-character user name gave a 500 when its failed sign-in
/// was audited). Longer input is refused with a 400 naming the field, or at sign-in the same 401 as any failure; a value
/// that is audited anyway (an unknown user name) is shortened first.
/// </summary>
public static class InputLimits
{
    /// <summary>ASP.NET Core Identity's column; registration and staff accounts allow 64.</summary>
    public const int UserName = 256;
    public const int NewUserName = 64;
    /// <summary>Long enough for any passphrase, short enough that hashing it costs nothing.</summary>
    public const int Password = 128;
    public const int TotpCode = 16;
    public const int DisplayName = 100;
    public const int OrganisationName = 200;
    public const int Code = 32;

    /// <summary>A caller-chosen value for the audit log: at most 64 characters, marked when cut.</summary>
    public static string? Bounded(string? value) => value is { Length: > 64 } ? $"{value[..64]}…({value.Length} chars)" : value;
}
