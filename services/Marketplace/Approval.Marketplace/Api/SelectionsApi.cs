using Approval.Contracts.Events;
using Approval.Marketplace.Clients;
using Approval.Marketplace.Data;
using Approval.Marketplace.Domain;
using Approval.Messaging;

namespace Approval.Marketplace.Api;

/// <summary>The applicant's selection (选取) of an agency for a service of their own project phase, and the draw's re-run.</summary>
public static class SelectionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var selections = api.MapGroup("/selections").WithTags("Selections");
        selections.MapPost("/", Select).RequireAuthorization(Roles.Applicant)
            .WithSummary("Select an agency for a service of your project phase: direct, random-draw or lowest-quote / 选取中介机构（直接选取、随机抽取、竞价选取）");
        selections.MapGet("/", Mine).RequireAuthorization(Roles.Applicant).WithSummary("Your selections / 我的选取记录");
        selections.MapGet("/{selection:guid}", Get).RequireAuthorization()
            .WithSummary("A selection on the record: method, seed, candidates, quotes, result / 选取记录");
        selections.MapGet("/{selection:guid}/draw", Rerun).RequireAuthorization()
            .WithSummary("Re-run a random draw from its record (seed + ordered candidates): always the recorded agency / 按记录复核随机抽取");
        selections.MapPost("/{selection:guid}/close", Close).RequireAuthorization(Roles.Applicant)
            .WithSummary("After the quote deadline: the lowest quote of a qualified invited agency wins / 竞价截止后确定最低报价机构");
    }

    private static async Task<Created<SelectionDto>> Select(SelectRequest r, ClaimsPrincipal user, MarketplaceDbContext db, ProjectsClient projects,
        SelectionRules rules, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var (method, type) = SelectionRules.CheckRequest(r);
        var phase = await projects.GetPhaseAsync(r.EngineeringCode!.Trim(), ct);
        if (phase is null || phase.OwnerId != user.UserId())
        {
            if (phase is not null) await audit.DenyAsync("engineering-code", phase.EngineeringCode, "select: not the owner of the project", ct);
            throw new NotFoundException("Engineering code 工程代码", r.EngineeringCode!);
        }
        var now = clock.GetUtcNow();
        var selection = Selection.Create(method, rules.RegionCode, user.UserId(), user.DisplayName(), phase.ProjectCode, phase.EngineeringCode, type, now,
            phase.DivisionCode is { Length: > 0 } division ? division : null);
        var candidates = await rules.CandidatesAsync(type, ct);
        rules.Run(selection, r, type, candidates, now);
        db.Selections.Add(selection);
        Guid? commissionId = null;
        if (!selection.IsOpen) commissionId = rules.Offer(selection, candidates, now).Id;
        audit.Add(AuditActions.StateChange, "selection", selection.Id.ToString(),
            $"{Selection.MethodName(method)} {type.Name}: {(selection.ChosenAgencyId is { } chosen ? $"选中 {chosen}" : $"邀请 {string.Join(",", selection.Candidates)}")}"
            + (selection.Seed is null ? "" : $" 种子 {selection.Seed}"), selection.RegionCode);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/marketplace/selections/{selection.Id}", SelectionDto.From(selection, commissionId));
    }

    private static async Task<Ok<List<SelectionDto>>> Mine(ClaimsPrincipal user, MarketplaceDbContext db, CancellationToken ct)
    {
        var me = user.UserId();
        var list = await db.Selections.AsNoTracking().Where(s => s.OwnerId == me).OrderByDescending(s => s.CreatedAt).Take(200).ToListAsync(ct);
        var ids = list.Select(s => s.Id).ToList();
        var commissions = await db.Commissions.AsNoTracking().Where(c => ids.Contains(c.SelectionId)).ToDictionaryAsync(c => c.SelectionId, c => c.Id, ct);
        return TypedResults.Ok(list.Select(s => SelectionDto.From(s, commissions.TryGetValue(s.Id, out var c) ? c : null)).ToList());
    }

    private static async Task<Ok<SelectionDto>> Get(Guid selection, ClaimsPrincipal user, MarketplaceDbContext db, MarketplaceAccess access, CancellationToken ct)
    {
        var s = await access.SelectionAsync(selection, user, ownerOnly: false, ct);
        var commission = await db.Commissions.AsNoTracking().Where(c => c.SelectionId == s.Id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        return TypedResults.Ok(SelectionDto.From(s, commission));
    }

    private static async Task<Ok<DrawCheckDto>> Rerun(Guid selection, ClaimsPrincipal user, MarketplaceAccess access, IAuditLog audit, CancellationToken ct)
    {
        var s = await access.SelectionAsync(selection, user, ownerOnly: false, ct);
        var recomputed = s.Rerun() ?? throw new MarketplaceRuleException("This selection was not a random draw.", "该选取不是随机抽取，无需复核。");
        await audit.RecordAsync(AuditActions.StateChange, "selection", s.Id.ToString(),
            $"复核随机抽取: 记录 {s.ChosenAgencyId}, 复算 {recomputed}", s.RegionCode, user, ct);
        return TypedResults.Ok(new DrawCheckDto(s.Id, s.Seed!, s.Candidates, s.ChosenAgencyId!, recomputed, recomputed == s.ChosenAgencyId));
    }

    private static async Task<Ok<SelectionDto>> Close(Guid selection, ClaimsPrincipal user, MarketplaceDbContext db, MarketplaceAccess access,
        SelectionRules rules, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var s = await access.SelectionAsync(selection, user, ownerOnly: true, ct);
        var type = ServiceTypes.Find(s.ServiceType)!;
        var candidates = await rules.CandidatesAsync(type, ct);
        var now = clock.GetUtcNow();
        s.CloseQuotes(id => candidates.FirstOrDefault(c => c.Agency.Id.ToString() == id) is { } c && rules.Breach(c, type, now, s.DivisionCode) is null, now);
        var commission = rules.Offer(s, candidates, now);
        audit.Add(AuditActions.StateChange, "selection", s.Id.ToString(), $"竞价确定 {s.ChosenAgencyId}（{s.Quotes.Count}家报价）", s.RegionCode);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SelectionDto.From(s, commission.Id));
    }
}
