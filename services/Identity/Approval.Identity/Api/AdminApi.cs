using Approval.Contracts.Codes;
using Approval.Identity.Data;
using Approval.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Approval.ServiceDefaults.Region;

namespace Approval.Identity.Api;

/// <summary>Region admins manage organisations and staff accounts (R-6.4). A region code defaults to this deployment's.</summary>
public static class AdminApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity").WithTags("Organisations and accounts").RequireAuthorization(Roles.RegionAdmin);
        api.MapGet("/organisations", List).WithSummary("Organisations / 机构");
        api.MapPost("/organisations", Create).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Add an organisation / 新增机构");
        api.MapPut("/users/{userName}", Upsert).WithSummary("Create or update a staff account with its roles / 维护账户与角色");
    }

    private static async Task<Ok<List<OrganisationDto>>> List(IdentityDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Organisations.AsNoTracking().OrderBy(o => o.RegionCode).ThenBy(o => o.Code)
            .Select(o => new OrganisationDto(o.RegionCode, o.Code, o.Name, o.Kind, o.CreditCode)).ToListAsync(ct));

    private static async Task<Created<OrganisationDto>> Create(
        CreateOrganisationRequest request, IdentityDbContext db, DeploymentRegion home, Clients.SystemClients systems, IAuditLog audit, CancellationToken ct)
    {
        var region = string.IsNullOrWhiteSpace(request.RegionCode) ? home.Code : request.RegionCode.Trim();
        var errors = new FieldErrors();
        errors.Require(region.Length == 6 && region.All(char.IsAsciiDigit), "regionCode", "must be a 6-digit administrative division code", "必须是6位行政区划代码");
        errors.Require(!string.IsNullOrWhiteSpace(request.Code) && request.Code.Length <= 32, "code", "is required, at most 32 characters", "机构编码必填，最多32个字符");
        errors.Require(!string.IsNullOrWhiteSpace(request.Name) && request.Name.Trim().Length <= InputLimits.OrganisationName, "name",
            $"is required, at most {InputLimits.OrganisationName} characters", $"机构名称必填，最多{InputLimits.OrganisationName}字");
        errors.Require(OrganisationKinds.All.Contains(request.Kind), "kind", $"must be one of {string.Join(", ", OrganisationKinds.All)}", "机构类型不正确");
        // DOMAIN.md: every organisation has a valid 统一社会信用代码 (issue 15) — required, not only checked when given.
        if (UnifiedSocialCreditCode.Problem(request.CreditCode) is { } problem)
            errors.Add("creditCode", $"is required, a unified social credit code (GB 32100): {problem} / 统一社会信用代码必填，须符合GB 32100");
        errors.ThrowIfAny();
        if (await db.Organisations.AnyAsync(o => o.RegionCode == region && o.Code == request.Code, ct))
            throw new RequestRefusedException(StatusCodes.Status409Conflict, "Already exists / 已存在", $"Organisation {request.Code} exists in {region}.", "该机构已存在。");
        var organisation = new Organisation { RegionCode = region, Code = request.Code!.Trim(), Name = request.Name!.Trim(), Kind = request.Kind!, CreditCode = request.CreditCode };
        db.Organisations.Add(organisation);
        audit.Add(AuditActions.StateChange, "organisation", $"{region}/{organisation.Code}", "created", home.Code);
        await db.SaveChangesAsync(ct);
        // Its own system's client (a review agency's, intermediary's or utility's) with a generated secret nobody knows:
        // the region admin rotates it to hand the organisation its first secret.
        await systems.EnsureAllAsync(organisation, ct);
        return TypedResults.Created("/api/identity/organisations",
            new OrganisationDto(organisation.RegionCode, organisation.Code, organisation.Name, organisation.Kind, organisation.CreditCode));
    }

    private static async Task<Ok<AccountDto>> Upsert(
        string userName, UpsertUserRequest request, ClaimsPrincipal admin, UserManager<ApprovalUser> users, IdentityDbContext db, DeploymentRegion home,
        IAuditLog audit, CancellationToken ct)
    {
        // Another region's admin neither changes nor learns of this region's accounts (the deployment's own admin manages every region it hosts).
        if (admin.RegionCode() != home.Code && await users.FindByNameAsync(userName) is { } other && other.RegionCode != admin.RegionCode())
        {
            await audit.DenyAsync("account", userName, "account of another region", ct, admin.RegionCode());
            throw new NotFoundException("Account 账户", userName);
        }
        var region = string.IsNullOrWhiteSpace(request.RegionCode) ? home.Code : request.RegionCode.Trim();
        var roles = request.Roles ?? [];
        var errors = new FieldErrors();
        errors.Require(userName.Length <= InputLimits.NewUserName, "userName", $"is at most {InputLimits.NewUserName} characters", $"用户名最多{InputLimits.NewUserName}个字符");
        errors.Require(!string.IsNullOrWhiteSpace(request.DisplayName) && request.DisplayName.Trim().Length <= InputLimits.DisplayName, "displayName",
            $"is required, at most {InputLimits.DisplayName} characters", $"显示名称必填，最多{InputLimits.DisplayName}字");
        errors.Require(request.Password is not { Length: > InputLimits.Password }, "password", $"is at most {InputLimits.Password} characters", $"密码最多{InputLimits.Password}个字符");
        errors.Require(request.OrganisationCode is not { Length: > InputLimits.Code }, "organisationCode", $"is at most {InputLimits.Code} characters", $"机构编码最多{InputLimits.Code}个字符");
        errors.Require(region.Length == 6 && region.All(char.IsAsciiDigit), "regionCode", "must be a 6-digit administrative division code", "必须是6位行政区划代码");
        errors.ThrowIfAny();
        errors.Require(roles.Count > 0 && roles.Count <= Roles.All.Length && roles.All(Roles.All.Contains), "roles", $"at least one of {string.Join(", ", Roles.All)}", "至少一个有效角色");
        errors.Require(!roles.Contains(Roles.Department) || request.OrganisationCode is not null, "organisationCode", "is required for the department role", "部门角色必须关联机构");
        errors.Require(request.OrganisationCode is null || await db.Organisations.AnyAsync(o => o.RegionCode == region && o.Code == request.OrganisationCode, ct),
            "organisationCode", $"is not an organisation of region {region}", "不是该地区的机构");
        errors.ThrowIfAny();

        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            errors.Require(!string.IsNullOrEmpty(request.Password), "password", "is required for a new account", "新账户必须设置密码");
            errors.ThrowIfAny();
            user = new ApprovalUser { UserName = userName, DisplayName = "", RegionCode = region, Kind = AccountKind.Staff };
            Apply(user, request, region);
            await UserAccounts.CreateAsync(users, user, request.Password!, roles);
            await audit.RecordAsync(AuditActions.AccountChange, "account", user.Id, $"created with roles {string.Join(",", roles)}", home.Code, null, ct);
            return TypedResults.Ok(await UserAccounts.ToDtoAsync(users, user));
        }
        Apply(user, request, region);
        await users.UpdateAsync(user);
        if (!string.IsNullOrEmpty(request.Password))
        {
            var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), request.Password);
            if (!reset.Succeeded) throw UserAccounts.PasswordProblem(reset);
        }
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(roles));
        await users.AddToRolesAsync(user, roles.Except(current));
        await audit.RecordAsync(AuditActions.AccountChange, "account", user.Id, $"updated: roles {string.Join(",", roles)}", home.Code, null, ct);
        return TypedResults.Ok(await UserAccounts.ToDtoAsync(users, user));
    }

    private static void Apply(ApprovalUser user, UpsertUserRequest request, string region)
    {
        user.DisplayName = request.DisplayName!.Trim();
        user.OrganisationCode = request.OrganisationCode;
        user.RegionCode = region;
    }
}
