using System.Security.Claims;
using Approval.Contracts.Errors;
using Approval.Contracts.Events;
using Approval.Licences.Data;
using Approval.Licences.Domain;
using Approval.Licences.Sealing;
using Approval.Messaging;
using Approval.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Licences.Api;

/// <summary>The licence library (电子证照库): look-up, the holder's reusable licences, issue by department systems, revocation.</summary>
public static class LicencesApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/licences").WithTags("Licences");
        api.MapGet("/{identifier}", GetByIdentifier).AllowAnonymous().WithSummary("Look up a licence by its identifier / 按证照标识查询");
        api.MapGet("/{identifier}/pdf", GetPdf).RequireAuthorization()
            .WithSummary("The sealed PDF certificate (holder, issuing department or window) / 下载电子证照文件");
        api.MapGet("/reusable", Reusable).RequireAuthorization()
            .WithSummary("The holder's valid licences, offered as materials without upload (R-4.6) / 可复用的有效证照");
        api.MapPost("/", Issue).RequireAuthorization(Roles.Department)
            .WithSummary("Issue a certificate produced by a department system (R-7.12); 409 without a valid seal / 部门系统出证");
        api.MapPost("/{identifier}/revoke", Revoke).RequireAuthorization(Roles.Department)
            .WithSummary("撤销: revoke a valid licence of your department (reason required)");
    }

    private static async Task<Licence> FindAsync(LicencesDbContext db, string identifier, CancellationToken ct)
    {
        LicenceIdentifier.EnsureValid(identifier);
        return await db.Licences.Include(l => l.History).FirstOrDefaultAsync(x => x.Identifier == identifier, ct)
            ?? throw new NotFoundException("Licence 证照", identifier);
    }

    private static async Task<Ok<LicenceDto>> GetByIdentifier(string identifier, LicencesDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(LicenceDto.Of(await FindAsync(db, identifier, ct), clock.GetUtcNow()));

    private static async Task<FileContentHttpResult> GetPdf(string identifier, ClaimsPrincipal user, LicencesDbContext db, CancellationToken ct)
    {
        var l = await FindAsync(db, identifier, ct);
        var allowed = user.IsInRole(Roles.Window) || l.Holder == user.DisplayName()
            || (user.IsInRole(Roles.Department) && user.OrganisationCode() == l.IssuerCode);
        if (!allowed) throw new NotFoundException("Licence 证照", identifier);
        return TypedResults.File(l.Pdf, "application/pdf", $"{l.Identifier}.pdf");
    }

    /// <summary>An applicant gets their own (holder = their name); the window and departments name the holder.</summary>
    private static async Task<Ok<List<LicenceDto>>> Reusable(string? holder, ClaimsPrincipal user, LicencesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var staff = user.IsInRole(Roles.Window) || user.IsInRole(Roles.Department);
        var who = staff ? holder : user.DisplayName();
        if (string.IsNullOrWhiteSpace(who)) throw ValidationException.For("holder", "is required for window and department users", "请指定持证单位");
        var now = clock.GetUtcNow();
        var licences = await db.Licences.AsNoTracking().Include(l => l.History)
            .Where(l => l.Holder == who && l.RevokedAt == null && (l.ValidTo == null || l.ValidTo > now))
            .OrderByDescending(l => l.IssuedAt).ToListAsync(ct);
        return TypedResults.Ok(licences.Select(l => LicenceDto.Of(l, now)).ToList());
    }

    private static async Task<Created<LicenceDto>> Issue(IssueRequest r, ClaimsPrincipal user, LicencesDbContext db, SealRegistry seals,
        LicenceIssuer issuer, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        foreach (var (field, value) in new[] { ("typeCode", r.TypeCode), ("licenceName", r.LicenceName), ("holder", r.Holder),
                     ("projectCode", r.ProjectCode), ("projectName", r.ProjectName), ("itemCode", r.ItemCode), ("decision", r.Decision) })
            errors.Require(!string.IsNullOrWhiteSpace(value), field, "is required", "必填");
        errors.Require(r.TypeCode is not { Length: > 0 } t || t.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)),
            "typeCode", "digits and upper-case letters only (GB/T 36904)", "证照类型代码只能由数字和大写字母组成");
        errors.Require(r.ValidFrom is not { } from || r.ValidTo is not { } to || to > from, "validTo", "must be after validFrom", "有效期截止日期必须晚于起始日期");
        errors.ThrowIfAny();

        var department = user.OrganisationCode()!;
        var seal = await seals.SealingSealAsync(department, clock.GetUtcNow(), ct) ?? throw new NoValidSealException(department);
        var licence = await issuer.IssueAsync(new LicenceDraft(r.TypeCode!, r.LicenceName!, department, seal.HolderName, seal.HolderCreditCode,
            r.Holder!, r.ProjectCode!, r.ProjectName!, "", Guid.Empty, r.ApplicationId ?? Guid.Empty, r.ItemCode!, r.Decision!,
            r.ValidFrom, r.ValidTo), seal, user.DisplayName(), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/licences/{licence.Identifier}", LicenceDto.Of(licence, clock.GetUtcNow()));
    }

    private static async Task<Ok<LicenceDto>> Revoke(string identifier, RevokeRequest r, ClaimsPrincipal user, LicencesDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(r.Reason)) throw ValidationException.For("reason", "is required", "撤销原因必填");
        var l = await FindAsync(db, identifier, ct);
        if (l.IssuerCode != user.OrganisationCode()) throw new NotFoundException("Licence 证照", identifier);
        var now = clock.GetUtcNow();
        l.Revoke(r.Reason.Trim(), user.DisplayName(), now);
        db.AddOutboxEvent(LicenceEvents.Revoked(l), l.Id.ToString(), clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(LicenceDto.Of(l, now));
    }
}
