using Approval.Contracts.Codes;
using Approval.Identity.Domain;
using Approval.Identity.Connect;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using Approval.ServiceDefaults.Region;

namespace Approval.Identity.Api;

/// <summary>Self-service accounts: real-name registration, password sign-in (the login cookie of the authorize endpoint), who am I.</summary>
public static class AccountsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity").WithTags("Accounts");
        api.MapPost("/register", Register).AllowAnonymous().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Register a person or an enterprise / 实名注册");
        api.MapPost("/login", Login).AllowAnonymous().WithSummary("Sign in with a password (sets the sign-in cookie for /connect/authorize) / 登录");
        api.MapPost("/login/totp", LoginTotp).AllowAnonymous().WithSummary("Second step for staff: the authenticator's TOTP code / 动态口令");
        api.MapPost("/logout", Logout).AllowAnonymous().WithSummary("Sign out / 退出");
        api.MapGet("/me", Me).RequireAuthorization().WithSummary("The account behind the bearer token / 当前账户");
    }

    private static async Task<Created<AccountDto>> Register(
        RegisterRequest request, UserManager<ApprovalUser> users, IRealNameVerifier verifier, DeploymentRegion home, IAuditLog audit, CancellationToken ct)
    {
        var kind = request.Kind?.Trim().ToLowerInvariant() switch { "person" => AccountKind.Person, "enterprise" => AccountKind.Enterprise, _ => (AccountKind?)null };
        var errors = new FieldErrors();
        errors.Require(kind is not null, "kind", "must be \"person\" or \"enterprise\"", "必须是 person（自然人）或 enterprise（法人）");
        errors.Require(!string.IsNullOrWhiteSpace(request.Name) && request.Name.Trim().Length <= 100, "name", "is required, at most 100 characters", "姓名或单位名称必填，最多100字");
        errors.Require(!string.IsNullOrWhiteSpace(request.UserName) && request.UserName.Length <= 64, "userName", "is required, at most 64 characters", "用户名必填，最多64个字符");
        errors.Require(!string.IsNullOrEmpty(request.Password), "password", "is required", "密码必填");
        errors.Require(request.Password is not { Length: > InputLimits.Password }, "password", $"is at most {InputLimits.Password} characters", $"密码最多{InputLimits.Password}个字符");
        var number = request.Number?.Trim().ToUpperInvariant();
        var mobile = string.IsNullOrWhiteSpace(request.Mobile) ? null : request.Mobile.Trim();
        errors.Require(mobile is null || MobileNumber.IsValid(mobile), "mobile", "must be an 11-digit mainland mobile number starting with 13–19", "手机号码应为1开头的11位数字");
        if (kind == AccountKind.Person && ResidentIdNumber.Problem(number) is { } idProblem)
            errors.Add("number", $"resident ID number 居民身份证号码: {idProblem}");
        if (kind == AccountKind.Enterprise && UnifiedSocialCreditCode.Problem(number) is { } codeProblem)
            errors.Add("number", $"unified social credit code 统一社会信用代码: {codeProblem}");
        errors.ThrowIfAny();

        if (await users.FindByNameAsync(request.UserName!) is not null || users.Users.Any(u => u.RealNameNumber == number))
            throw new RequestRefusedException(StatusCodes.Status409Conflict, "Already exists / 已存在",
                "An account with this user name or number already exists.", "该用户名或证件号码已注册。");
        if (await verifier.VerifyAsync(kind!.Value, request.Name!.Trim(), number!, ct) is { } refused)
            throw ValidationException.For("number", refused, "实名核验未通过");

        var user = new ApprovalUser
        {
            UserName = request.UserName, DisplayName = request.Name!.Trim(), RegionCode = home.Code, Kind = kind.Value,
            RealNameNumber = number, RealNameVerified = true, PhoneNumber = mobile,
        };
        await UserAccounts.CreateAsync(users, user, request.Password!, [Roles.Applicant]);
        await audit.RecordAsync(AuditActions.AccountChange, "account", user.Id, $"registered ({user.Kind})", home.Code, null, ct);
        return TypedResults.Created($"/api/identity/me", await UserAccounts.ToDtoAsync(users, user));
    }

    private static async Task<Results<Ok<AccountDto>, Ok<SecondFactorDto>>> Login(
        LoginRequest request, SignInManager<ApprovalUser> signIn, UserManager<ApprovalUser> users, SignInLockout lockout, IAuditLog audit,
        DeploymentRegion home, HttpContext http, CancellationToken ct)
    {
        // One answer for every failure (unknown user, wrong password, locked out): it says nothing about which part was wrong.
        if (string.IsNullOrEmpty(request.UserName) || string.IsNullOrEmpty(request.Password)) throw SignInFailed();
        if (request.UserName.Length > InputLimits.UserName || request.Password.Length > InputLimits.Password)
        {
            await audit.RecordAsync(AuditActions.SignInFailed, "account", InputLimits.Bounded(request.UserName), "user name or password too long", home.Code, null, ct);
            throw SignInFailed();
        }
        var user = await users.FindByNameAsync(request.UserName);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (user is not null && await lockout.IsLockedAsync(user.Id, address, ct))
        {
            await audit.RecordAsync(AuditActions.SignInFailed, "account", user.Id, "locked out at this address", user.RegionCode, null, ct);
            throw SignInFailed();
        }
        // Lockout is per account and address (SignInLockout), so Identity's own per-account counter is not fed here.
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor) await lockout.ResetAsync(user!.Id, address, ct);
        if (result.RequiresTwoFactor) return TypedResults.Ok(new SecondFactorDto("totp"));
        if (result.Succeeded && !user!.TwoFactorEnabled && await StaffSecondFactor.IsStaffAsync(users, user))
        {
            await signIn.SignOutAsync();
            return TypedResults.Ok(await StaffSecondFactor.BeginEnrolmentAsync(http, users, user));
        }
        if (!result.Succeeded)
        {
            if (user is not null && !result.IsLockedOut) await lockout.RecordFailureAsync(user.Id, address, ct);
            var why = result.IsLockedOut ? "locked out" : user is null ? "unknown user" : "wrong password";
            await audit.RecordAsync(AuditActions.SignInFailed, "account", user?.Id ?? InputLimits.Bounded(request.UserName), why, user?.RegionCode ?? home.Code, null, ct);
            throw SignInFailed();
        }
        await audit.RecordAsync(AuditActions.SignIn, "account", user!.Id, "password", user.RegionCode, null, ct);
        return TypedResults.Ok(await UserAccounts.ToDtoAsync(users, user!));
    }

    private static async Task<Ok<AccountDto>> LoginTotp(
        TotpRequest request, SignInManager<ApprovalUser> signIn, UserManager<ApprovalUser> users, IAuditLog audit, DeploymentRegion home, CancellationToken ct)
    {
        var pending = await signIn.GetTwoFactorAuthenticationUserAsync();
        var user = string.IsNullOrWhiteSpace(request.Code) || request.Code.Length > InputLimits.TotpCode ? null
            : await StaffSecondFactor.CompleteAsync(signIn, users, request.Code.Replace(" ", ""));
        if (user is null)
        {
            await audit.RecordAsync(AuditActions.SignInFailed, "account", pending?.Id, "wrong or missing TOTP code", pending?.RegionCode ?? home.Code, null, ct);
            throw SignInFailed();
        }
        await audit.RecordAsync(AuditActions.SignIn, "account", user.Id, "password + TOTP", user.RegionCode, null, ct);
        return TypedResults.Ok(await UserAccounts.ToDtoAsync(users, user));
    }

    private static RequestRefusedException SignInFailed() => new(StatusCodes.Status401Unauthorized, "Sign-in failed / 登录失败",
        "The user name or password is not right, or the account may not sign in now.", "用户名或密码不正确，或账户暂不能登录。");

    /// <summary>Ends this browser's identity session (cookie) and revokes the refresh tokens issued from it (IdentitySessions).</summary>
    private static async Task<NoContent> Logout(
        HttpContext http, IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens, CancellationToken ct)
    {
        await IdentitySessions.EndAsync(http, authorizations, tokens, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AccountDto>, NotFound>> Me(ClaimsPrincipal principal, UserManager<ApprovalUser> users)
    {
        var user = await users.FindByIdAsync(principal.UserId());
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(await UserAccounts.ToDtoAsync(users, user));
    }
}
