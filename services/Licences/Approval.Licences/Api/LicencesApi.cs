using Approval.Licences.Data;
using Approval.Licences.Domain;
using Approval.Licences.Issuing;
using Approval.Licences.Sealing;
using Approval.Messaging;
using Npgsql;

namespace Approval.Licences.Api;

/// <summary>The licence library (电子证照库): look-up, the holder's reusable licences, issue by department systems, revocation.</summary>
public static class LicencesApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/licences").WithTags("Licences");
        api.MapGet("/{identifier}", GetByIdentifier).AllowAnonymous().WithSummary("Look up a licence by its identifier / 按证照标识查询");
        api.MapGet("/{identifier}/pdf", GetPdf).RequireAuthorization()
            .WithSummary("The sealed PDF certificate (holder account, issuing department or window of its region) / 下载电子证照文件");
        api.MapGet("/reusable", Reusable).RequireAuthorization()
            .WithSummary("The holder's valid licences, by account (applicant: own; staff: holderId or holderNumber), offered as materials without upload (R-4.6) / 可复用的有效证照");
        api.MapPost("/", Issue).RequireAuthorization(Roles.Department)
            .WithSummary("Issue the certificate of an item instance routed to your department and concluded approved (R-7.12); holder and application come from the item / 部门系统出证");
        api.MapPost("/{identifier}/revoke", Revoke).RequireAuthorization(Roles.Department)
            .WithSummary("撤销: revoke a valid licence your department issued in your region (reason required)");
    }

    private static async Task<Licence> FindAsync(LicencesDbContext db, string identifier, CancellationToken ct)
    {
        LicenceIdentifier.EnsureValid(identifier);
        return await db.Licences.Include(l => l.History).FirstOrDefaultAsync(x => x.Identifier == identifier, ct)
            ?? throw new NotFoundException("Licence 证照", identifier);
    }

    private static async Task<Ok<LicenceDto>> GetByIdentifier(string identifier, LicencesDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(LicenceDto.Of(await FindAsync(db, identifier, ct), clock.GetUtcNow()));

    private static async Task<FileContentHttpResult> GetPdf(string identifier, ClaimsPrincipal user, LicencesDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var l = await FindAsync(db, identifier, ct);
        if (!LicenceAccess.MayRead(user, l))
        {
            await audit.DenyAsync("licence", l.Identifier, "pdf: not the holder's account, the issuing department or the window of its region", ct, l.RegionCode);
            throw new NotFoundException("Licence 证照", identifier);
        }
        await audit.RecordAsync(LicenceAccess.Download, "licence", l.Identifier, "pdf", l.RegionCode, null, ct);
        return TypedResults.File(l.Pdf, "application/pdf", $"{l.Identifier}.pdf");
    }

    /// <summary>
    /// An applicant gets the licences of their own account (and of their verified credit code / ID number); the window
    /// and departments name the holder by account (holderId) or credit code / ID number (holderNumber), in their region.
    /// </summary>
    private static async Task<Ok<List<LicenceDto>>> Reusable(
        string? holderId, string? holderNumber, string? holder, ClaimsPrincipal user, [AsParameters] LicencesServices s, CancellationToken ct)
    {
        var now = s.Clock.GetUtcNow();
        var valid = s.Db.Licences.AsNoTracking().Include(l => l.History).Where(l => l.RevokedAt == null && (l.ValidTo == null || l.ValidTo > now));
        if (user.IsInRole(Roles.Window) || user.IsInRole(Roles.Department))
        {
            (holderId, holderNumber) = (holderId?.Trim(), holderNumber?.Trim());
            if (string.IsNullOrEmpty(holderId) && string.IsNullOrEmpty(holderNumber))
                throw ValidationException.For("holderId", holder is null
                    ? "name the holder by account (holderId) or credit code / ID number (holderNumber)"
                    : "a display name (holder) is not an identity: name the holder by account (holderId) or credit code / ID number (holderNumber)",
                    "请按持证人账号（holderId）或统一社会信用代码/身份证号码（holderNumber）指定持证人，不能按名称查询");
            var region = user.RegionCode();
            valid = valid.Where(l => l.RegionCode == region && ((holderId != null && holderId != "" && l.HolderId == holderId)
                || (holderNumber != null && holderNumber != "" && l.HolderNumber == holderNumber)));
        }
        else
        {
            var (me, number) = (user.UserId(), user.CreditOrIdNumber());
            valid = valid.Where(l => l.HolderId == me || (number != null && l.HolderNumber == number));
        }
        var licences = await valid.OrderByDescending(l => l.IssuedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(licences.Select(l => LicenceDto.Of(l, now)).ToList());
    }

    private static async Task<Created<LicenceDto>> Issue(
        IssueRequest r, HttpRequest request, ClaimsPrincipal user, DepartmentIssue rule, SealRegistry seals, LicenceIssuer issuer,
        [AsParameters] LicencesServices s, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Require(r.ItemInstanceId is { } id && id != Guid.Empty, "itemInstanceId", "is required: the concluded item instance the certificate is for",
            "必填：出证所依据的已办结事项实例");
        foreach (var (field, value) in new[] { ("typeCode", r.TypeCode), ("licenceName", r.LicenceName) })
            errors.Require(!string.IsNullOrWhiteSpace(value), field, "is required", "必填");
        errors.Require(r.TypeCode is not { Length: > 0 } t || t.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)),
            "typeCode", "digits and upper-case letters only (GB/T 36904)", "证照类型代码只能由数字和大写字母组成");
        errors.Require(r.ValidFrom is not { } from || r.ValidTo is not { } to || to > from, "validTo", "must be after validFrom", "有效期截止日期必须晚于起始日期");
        errors.ThrowIfAny();

        var item = await rule.IssuableItemAsync(r.ItemInstanceId!.Value, user, request.Headers, ct);
        var department = item.DepartmentCode;
        var seal = await seals.SealingSealAsync(department, s.Clock.GetUtcNow(), ct) ?? throw new NoValidSealException(department);
        var decision = string.IsNullOrWhiteSpace(r.Decision) ? item.Opinion : r.Decision.Trim();
        var licence = await issuer.IssueAsync(new LicenceDraft(r.TypeCode!, r.LicenceName!.Trim(), department, seal.HolderName, seal.HolderCreditCode,
            item.Holder, item.ProjectCode, item.ProjectName, item.RegionCode, item.ItemInstanceId, item.ApplicationId, item.ItemCode, decision,
            r.ValidFrom, r.ValidTo, item.HolderId, item.HolderNumber, item.Content, item.ValidityMonths), seal, user.DisplayName(), ct);
        try
        {
            await s.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two issues for the same item at once: the unique index lets one licence in force per item instance.
            throw ItemNotIssuableException.AlreadyIssued(item.ItemInstanceId, "—");
        }
        return TypedResults.Created($"/api/licences/{licence.Identifier}", LicenceDto.Of(licence, s.Clock.GetUtcNow()));
    }

    private static async Task<Ok<LicenceDto>> Revoke(
        string identifier, RevokeRequest r, ClaimsPrincipal user, [AsParameters] LicencesServices s, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(r.Reason)) throw ValidationException.For("reason", "is required", "撤销原因必填");
        var l = await FindAsync(s.Db, identifier, ct);
        if (!LicenceAccess.IsIssuer(user, l))
        {
            await s.Audit.DenyAsync("licence", l.Identifier, "revoke: not the issuing department of its region", ct, l.RegionCode);
            throw new NotFoundException("Licence 证照", identifier);
        }
        var now = s.Clock.GetUtcNow();
        l.Revoke(r.Reason.Trim(), user.DisplayName(), now);
        s.Audit.Add(AuditActions.StateChange, "licence", l.Identifier, $"revoked: {r.Reason.Trim()}", l.RegionCode);
        s.Db.AddOutboxEvent(LicenceEvents.Revoked(l), l.Id.ToString(), s.Clock);
        await s.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(LicenceDto.Of(l, now));
    }
}
