namespace Approval.Identity.Api;

/// <summary>
/// The password was right but a staff account needs its TOTP code: "totp" (send the authenticator's code to
/// /api/identity/login/totp), or "totp-enrolment" on first sign-in with the shared key to add to an authenticator app.
/// </summary>
public sealed record SecondFactorDto(string SecondFactor, string? SharedKey = null, string? AuthenticatorUri = null);

public sealed record TotpRequest(string? Code);
