using Approval.Marketplace.Data;
using Approval.Marketplace.Domain;

namespace Approval.Marketplace.Api;

/// <summary>Lowest-quote rounds (竞价): an invited agency sees its invitations and quotes before the deadline.</summary>
public static class QuotesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/agency/invitations", Invitations).RequireAuthorization(Roles.Intermediary).WithTags("Agency")
            .WithSummary("Open quote rounds your agency is invited to / 本机构受邀的竞价");
        api.MapPost("/selections/{selection:guid}/quotes", AddQuote).RequireAuthorization(Roles.Intermediary).WithTags("Selections")
            .WithSummary("An invited agency quotes before the deadline (after it: 409) / 受邀中介机构报价");
    }

    private static async Task<Ok<List<SelectionDto>>> Invitations(ClaimsPrincipal user, MarketplaceDbContext db, MarketplaceAccess access, CancellationToken ct)
    {
        var agency = await access.RequireOwnAgencyAsync(user, ct);
        var id = agency.Id.ToString();
        var open = await db.Selections.AsNoTracking()
            .Where(s => s.Method == SelectionMethod.LowestQuote && s.ChosenAgencyId == null && s.Candidates.Contains(id)).OrderBy(s => s.QuoteDeadline).Take(200).ToListAsync(ct);
        // An agency sees its own quote only, never the others'.
        return TypedResults.Ok(open.Select(s => SelectionDto.From(s, null, showQuotes: false) with
        {
            Quotes = s.Quotes.Where(q => q.AgencyId == id).Select(q => new QuoteDto(agency.Id, q.Amount, q.Note, q.QuotedAt, false)).ToList(),
        }).ToList());
    }

    private static async Task<Ok<QuoteDto>> AddQuote(Guid selection, QuoteRequest r, ClaimsPrincipal user, MarketplaceDbContext db, MarketplaceAccess access,
        TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var agency = await access.OwnAgencyAsync(user, ct);
        var s = await db.Selections.FirstOrDefaultAsync(x => x.Id == selection, ct);
        if (s is null || agency is null || !s.Candidates.Contains(agency.Id.ToString()) || s.Method != SelectionMethod.LowestQuote)
        {
            if (s is not null) await audit.DenyAsync("selection", s.Id.ToString(), "quote: not an invited agency", ct, s.RegionCode);
            throw new NotFoundException("Selection 选取", selection.ToString());
        }
        var now = clock.GetUtcNow();
        s.AddQuote(agency.Id.ToString(), r.Amount, r.Note, now);
        audit.Add(AuditActions.StateChange, "selection", s.Id.ToString(), $"报价 {agency.Name} {r.Amount} 元", s.RegionCode);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new QuoteDto(agency.Id, r.Amount!.Value, r.Note, now, false));
    }
}
