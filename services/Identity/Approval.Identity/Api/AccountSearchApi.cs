using Approval.Identity.Data;

namespace Approval.Identity.Api;

/// <summary>
/// Account search for the window's counter (R-7.2): the window (and the region admin) find an applicant of their own region
/// by name, user name or phone. Only what identifies the account is returned: its id (the token's sub, which an application
/// names), user name, display name and the phone and real-name number masked — never the full ID number.
/// </summary>
public static class AccountSearchApi
{
    public const int MinQueryLength = 2, MaxQueryLength = 50, MaxPageSize = 50, MaxPage = 1000;

    public sealed record AccountMatchDto(string Id, string UserName, string DisplayName, string Kind, string? MaskedMobile, string? MaskedNumber);
    public sealed record AccountSearchDto(IReadOnlyList<AccountMatchDto> Items, int Total, int Page, int PageSize);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/identity/accounts/search", Search).WithTags("Accounts")
            .RequireAuthorization(p => p.RequireRole(Roles.Window, Roles.RegionAdmin))
            .WithSummary($"Find an applicant of my region by name, user name or phone (q: {MinQueryLength}–{MaxQueryLength} characters; page, pageSize ≤ {MaxPageSize}); phone and ID number masked / 查找申请人账户（窗口收件）");

    private static async Task<Ok<AccountSearchDto>> Search(string? q, int? page, int? pageSize, ClaimsPrincipal user, IdentityDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var text = q?.Trim() ?? "";
        new FieldErrors()
            .Require(text.Length is >= MinQueryLength and <= MaxQueryLength, "q", $"must have {MinQueryLength} to {MaxQueryLength} characters", $"查询内容应为{MinQueryLength}至{MaxQueryLength}个字符")
            .Require(page is null or (>= 1 and <= MaxPage), "page", $"must be 1 to {MaxPage}", $"页码应为1至{MaxPage}")
            .Require(pageSize is null or (>= 1 and <= MaxPageSize), "pageSize", $"must be 1 to {MaxPageSize}", $"每页条数应为1至{MaxPageSize}")
            .ThrowIfAny();
        var (number, size) = (page ?? 1, pageSize ?? 20);
        var region = user.RegionCode();
        var pattern = "%" + text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
        var applicantRole = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.Applicant).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var query = db.Users.AsNoTracking()
            .Where(u => u.RegionCode == region && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == applicantRole))
            .Where(u => EF.Functions.ILike(u.DisplayName, pattern) || EF.Functions.ILike(u.UserName!, pattern) || EF.Functions.ILike(u.PhoneNumber ?? "", pattern));
        var total = await query.CountAsync(ct);
        var found = await query.OrderBy(u => u.UserName).Skip((number - 1) * size).Take(size)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.Kind, u.PhoneNumber, u.RealNameNumber }).ToListAsync(ct);
        await audit.RecordAsync("search", "account", null, $"account search: {total} found", region, user, ct);
        return TypedResults.Ok(new AccountSearchDto(
            found.Select(u => new AccountMatchDto(u.Id, u.UserName ?? "", u.DisplayName, u.Kind.ToString().ToLowerInvariant(), Mask(u.PhoneNumber, 3, 4), Mask(u.RealNameNumber, 3, 4))).ToList(),
            total, number, size));
    }

    /// <summary>Keeps the first <paramref name="head"/> and last <paramref name="tail"/> characters: 138****5678, 913***********123X.</summary>
    public static string? Mask(string? value, int head, int tail) =>
        string.IsNullOrEmpty(value) ? null
        : value.Length <= head + tail ? new string('*', value.Length)
        : string.Concat(value.AsSpan(0, head), new string('*', value.Length - head - tail), value.AsSpan(value.Length - tail));
}
