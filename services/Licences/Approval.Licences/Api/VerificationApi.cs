using System.Text;
using System.Text.RegularExpressions;
using Approval.Licences.Data;
using Approval.Licences.Domain;
using Approval.Licences.Sealing;

namespace Approval.Licences.Api;

/// <summary>Public verification (no login): by identifier (what the QR code opens) or of a PDF someone was handed.</summary>
public static partial class VerificationApi
{
    [GeneratedRegex(@"1\.2\.156\.3005\.2\.[0-9A-Z]+\.[0-9A-Z]{18}\.[0-9A-Z]+\.\d{3}\.[0-9A-Z]")]
    private static partial Regex IdentifierInText();

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/licences/verify").WithTags("Verification").AllowAnonymous();
        api.MapGet("/{identifier}", ByIdentifier)
            .WithSummary("Verify a licence by identifier: valid / revoked / expired / unknown, with the seal proof / 证照核验");
        api.MapPost("/document", Document).Accepts<byte[]>("application/pdf")
            .WithSummary("Verify a PDF certificate (request body): is it exactly the sealed document? / 证照文件核验");
    }

    private static async Task<Ok<VerificationResult>> ByIdentifier(string identifier, LicencesDbContext db, SealRegistry seals,
        TimeProvider clock, CancellationToken ct)
    {
        LicenceIdentifier.EnsureValid(identifier);
        var l = await db.Licences.AsNoTracking().FirstOrDefaultAsync(x => x.Identifier == identifier, ct);
        if (l is null) return TypedResults.Ok(VerificationResult.Unknown(identifier, "no licence with this identifier was issued / 未查到该证照"));
        return TypedResults.Ok(VerificationResult.Of(l, await ProveAsync(l, seals, ct), clock.GetUtcNow()));
    }

    private static async Task<Ok<VerificationResult>> Document(HttpRequest request, LicencesDbContext db, SealRegistry seals,
        TimeProvider clock, CancellationToken ct)
    {
        var pdf = await RequestBody.ReadAsync(request, "document", ct);
        var digest = Sm3.Hex(pdf);
        var l = await db.Licences.AsNoTracking().FirstOrDefaultAsync(x => x.PdfDigest == digest, ct);
        if (l is not null) return TypedResults.Ok(VerificationResult.Of(l, await ProveAsync(l, seals, ct), clock.GetUtcNow()));

        // Not byte-for-byte a sealed certificate: say which licence it claims to be, if any.
        var claimed = IdentifierInText().Match(Encoding.Latin1.GetString(pdf));
        var named = claimed.Success ? await db.Licences.AsNoTracking().FirstOrDefaultAsync(x => x.Identifier == claimed.Value, ct) : null;
        if (named is null)
            return TypedResults.Ok(VerificationResult.Unknown(claimed.Success ? claimed.Value : "",
                "the document is not a certificate issued by this library / 该文件不是本证照库签发的证照"));
        var proof = await ProveAsync(named, seals, ct);
        var result = VerificationResult.Of(named, proof, clock.GetUtcNow(),
            [$"the document differs from the sealed PDF of this licence (SM3 {digest} ≠ {named.PdfDigest}): it was altered / 文件与签章的证照文件不一致（SM3摘要不符），已被篡改"]);
        return TypedResults.Ok(result);
    }

    private static async Task<SealProof> ProveAsync(Licence l, SealRegistry seals, CancellationToken ct) =>
        SealProof.Check(l, await seals.FindAsync(l.SealId, ct), await seals.RootAsync(ct));
}
