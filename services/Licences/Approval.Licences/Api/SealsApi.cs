using Approval.Contracts.Codes;
using Approval.Licences.Archives;
using Approval.Licences.Data;
using Approval.Licences.Domain;
using Approval.Licences.Sealing;
using Approval.ServiceDefaults.Region;

namespace Approval.Licences.Api;

/// <summary>E-seals: provisioning and rotation by the region admin, the public seal records, detached signatures of materials .</summary>
public static class SealsApi
{
    /// <summary>Who may seal a material with their organisation's seal: departments, and the review agencies, intermediaries
    /// and utilities whose results and deliverables become materials.</summary>
    public static readonly string[] Signers = [Roles.Department, Roles.ReviewAgency, Roles.Intermediary, Roles.Utility];

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/licences/seals").WithTags("Seals");
        api.MapPost("/", Provision).RequireAuthorization(Roles.RegionAdmin)
            .WithSummary("Region admin: create or rotate a department's seal, named and credit-coded from the organisation record (the old one retires but still verifies) / 制发或更换部门印章");
        api.MapGet("/{id:guid}", Get).AllowAnonymous().WithSummary("A seal's public record and certificate (never the private key) / 印章信息");
        api.MapGet("/", List).AllowAnonymous().WithSummary("Every version of a holder's seals / 印章历史");
        api.MapPost("/sign", Sign).RequireAuthorization(p => p.RequireRole(Signers).RequireClaim(ApprovalClaims.Organisation))
            .WithSummary("Seal a material with your organisation's seal (department, review agency, intermediary, utility): a detached SM2 signature of its SM3 digest / 电子材料签章");
        api.MapPost("/verify", Verify).AllowAnonymous()
            .WithSummary("Verify a sealed material (R-4.5): the detached signature against a seal certified by the region root / 电子材料验章");
    }

    /// <summary>
    /// The department must be one of the admin's region in the organisation record (the region pack); its name and credit
    /// code come from that record, whatever the body says. A record without a valid credit code cannot hold a seal (409).
    /// </summary>
    private static async Task<Created<SealRecord>> Provision(
        ProvisionSealRequest r, ClaimsPrincipal user, SealRegistry seals, [AsParameters] LicencesServices s, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(r.DepartmentCode))
            throw ValidationException.For("departmentCode", "is required (a department of your s.Region)", "必须指定本区域的部门代码");
        var code = r.DepartmentCode.Trim();
        var department = user.InRegion(s.Region.Code) ? s.Region.Department(code) : null;
        if (department is null)
        {
            await s.Audit.DenyAsync("seal", code, "provision: not a department of the admin's region", ct, user.RegionCode());
            throw new NotFoundException("Department 部门", code);
        }
        if (UnifiedSocialCreditCode.Problem(department.CreditCode) is not null) throw new DepartmentRecordException(code);
        var seal = await seals.ProvisionAsync(department.Code, department.Name, department.CreditCode!, ct);
        s.Audit.Add(AuditActions.StateChange, "seal", seal.SealCode, $"provisioned for {department.Code} {department.Name} ({department.CreditCode})",
            s.Region.Code);
        await s.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/licences/seals/{seal.Id}", SealRecord.Of(seal));
    }

    private static async Task<Ok<SealRecord>> Get(Guid id, SealRegistry seals, CancellationToken ct) =>
        TypedResults.Ok(SealRecord.Of(await seals.FindAsync(id, ct) ?? throw new NotFoundException("Seal 印章", id.ToString())));

    private static async Task<Ok<List<SealRecord>>> List(string? holder, SealRegistry seals, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(holder)) throw ValidationException.For("holder", "is required (a department code)", "请指定印章持有部门代码");
        return TypedResults.Ok((await seals.HistoryAsync(holder, ct)).Select(SealRecord.Of).ToList());
    }

    private static async Task<Ok<DetachedSignature>> Sign(SignRequest r, ClaimsPrincipal user, SealRegistry seals, IAuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var content = Base64("content", r.Content);
        var department = user.OrganisationCode()!;
        var seal = await seals.SealingSealAsync(department, clock.GetUtcNow(), ct) ?? throw new NoValidSealException(department);
        var digest = Sm3.Hash(content);
        await audit.RecordAsync(LicenceAccess.Sign, "seal", seal.SealCode, $"signed SM3 {Convert.ToHexStringLower(digest)}", null, null, ct);
        return TypedResults.Ok(new DetachedSignature(seal.Id, seal.SealCode, "SM2-SM3", Convert.ToHexStringLower(digest),
            Convert.ToBase64String(seals.Sign(seal, digest)), clock.GetUtcNow()));
    }

    private static async Task<Ok<MaterialVerification>> Verify(VerifyMaterialRequest r, SealRegistry seals, CancellationToken ct)
    {
        var content = Base64("content", r.Content);
        var signature = Base64("signature", r.Signature);
        var seal = r.SealId is { } id ? await seals.FindAsync(id, ct) : null;
        if (seal is null) return TypedResults.Ok(new MaterialVerification(false, ["the seal is unknown: not a trusted seal / 印章不存在，不是受信任的印章"], null));
        var problems = new List<string>();
        if (await seals.RootAsync(ct) is not { } root) problems.Add("no region root seal / 缺少区域根印章");
        else if (SealCertificate.Problem(seal, root) is { } p) problems.Add(p);
        if (!Sm2.Verify(seal.PublicKey, Sm3.Hash(content), signature))
            problems.Add("the SM2 signature does not match the material: altered or signed by another seal / 签名与材料不符：材料被篡改或非该印章签署");
        return TypedResults.Ok(new MaterialVerification(problems.Count == 0, problems, SealRecord.Of(seal)));
    }

    private static byte[] Base64(string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            var buffer = new byte[value.Length];
            if (Convert.TryFromBase64String(value, buffer, out var written)) return buffer[..written];
        }
        throw ValidationException.For(field, "is required, base64-encoded", "必填，须为Base64编码");
    }
}

/// <summary>The department to seal for; its name and credit code are read from the organisation record, never from the request.</summary>
public sealed record ProvisionSealRequest(string? DepartmentCode);

public sealed record SignRequest(string? Content);

public sealed record VerifyMaterialRequest(string? Content, string? Signature, Guid? SealId);

public sealed record DetachedSignature(Guid SealId, string SealCode, string Algorithm, string Digest, string Signature, DateTimeOffset SignedAt);

public sealed record MaterialVerification(bool Sealed, IReadOnlyList<string> Problems, SealRecord? Seal);
