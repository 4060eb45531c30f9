using Approval.Contracts.Errors;
using Approval.Licences.Data;
using Approval.Licences.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Licences.Api;

/// <summary>The licence library's read side. Looking a licence up by identifier is public (verification, R-12.1).</summary>
public static class LicencesApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/licences").WithTags("Licences");
        api.MapGet("/{identifier}", GetByIdentifier).AllowAnonymous().WithSummary("Look up a licence by its identifier / 按证照标识查询");
    }

    private static async Task<Ok<LicenceDto>> GetByIdentifier(string identifier, LicencesDbContext db, CancellationToken ct)
    {
        if (LicenceIdentifier.Problem(identifier) is { } problem) throw ValidationException.For("identifier", problem, "证照标识不合规");
        var l = await db.Licences.AsNoTracking().FirstOrDefaultAsync(x => x.Identifier == identifier, ct)
            ?? throw new NotFoundException("Licence 证照", identifier);
        return TypedResults.Ok(new LicenceDto(l.Identifier, l.TypeCode, l.LicenceName, l.IssuerName, l.IssuerCreditCode, l.Holder,
            l.ProjectCode, l.ProjectName, l.ItemCode, l.Decision, l.IssuedAt));
    }
}

public sealed record LicenceDto(
    string Identifier, string TypeCode, string LicenceName, string IssuerName, string IssuerCreditCode, string Holder,
    string ProjectCode, string ProjectName, string ItemCode, string Decision, DateTimeOffset IssuedAt);
