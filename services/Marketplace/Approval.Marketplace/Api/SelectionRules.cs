using Approval.Calendar;
using Approval.Contracts.Events;
using Approval.Marketplace.Data;
using Approval.Marketplace.Domain;
using Approval.Messaging;
using Approval.ServiceDefaults.Region;

namespace Approval.Marketplace.Api;

/// <summary>An agency of the region with its published service of the type asked for (null when it publishes none).</summary>
public sealed record Candidate(Agency Agency, PublishedService? Service);

/// <summary>
/// Runs a selection against the agencies of the region: qualifications are checked now, on the region's calendar day,
/// whatever they were at registration. A named agency that breaks a rule is a 400 naming the rule; a draw with no
/// qualified candidate a 409 with the reason.
/// </summary>
public sealed class SelectionRules(MarketplaceDbContext db, DeploymentRegion region, WorkingCalendar calendar, TimeProvider clock)
{
    public string RegionCode => region.Code;

    public static (SelectionMethod, ServiceType) CheckRequest(SelectRequest r)
    {
        var errors = new FieldErrors();
        var method = r.Method switch
        {
            "direct" => SelectionMethod.Direct,
            "random-draw" => SelectionMethod.RandomDraw,
            "lowest-quote" => SelectionMethod.LowestQuote,
            _ => (SelectionMethod?)null,
        };
        errors.Require(method is not null, "method", "must be direct, random-draw or lowest-quote", "选取方式应为：direct 直接选取、random-draw 随机抽取、lowest-quote 竞价选取");
        var type = ServiceTypes.Find(r.ServiceType);
        errors.Require(type is not null, "serviceType", $"must be one of {ServiceTypes.Describe()}", $"服务事项应为：{ServiceTypes.Describe()}");
        errors.Require(!string.IsNullOrWhiteSpace(r.EngineeringCode), "engineeringCode", "is required (your project phase)", "工程代码必填");
        errors.Require(method != SelectionMethod.Direct || r.AgencyId is not null, "agencyId", "a direct selection names the agency", "直接选取须指定中介机构");
        errors.Require(method != SelectionMethod.LowestQuote || (r.Invited is { Count: > 0 } && r.QuoteDeadline is not null), "invited",
            "a lowest-quote selection names the invited agencies and a quote deadline", "竞价选取须指定邀请的中介机构和报价截止时间");
        errors.ThrowIfAny();
        return (method!.Value, type!);
    }

    public async Task<List<Candidate>> CandidatesAsync(ServiceType type, CancellationToken ct)
    {
        var agencies = await db.Agencies.Where(a => a.RegionCode == region.Code).ToListAsync(ct);
        var ids = agencies.Select(a => a.Id).ToList();
        var services = await db.Services.Where(s => s.ServiceType == type.Code && ids.Contains(s.AgencyId)).ToListAsync(ct);
        return agencies.Select(a => new Candidate(a, services.FirstOrDefault(s => s.AgencyId == a.Id))).ToList();
    }

    public QualificationRules.Breach? Breach(Candidate c, ServiceType type, DateTimeOffset now, string? division) =>
        QualificationRules.Check(c.Agency, type, calendar.LocalDate(now), c.Service is not null, division);

    public void Run(Selection selection, SelectRequest r, ServiceType type, List<Candidate> candidates, DateTimeOffset now)
    {
        switch (selection.Method)
        {
            case SelectionMethod.Direct:
                selection.ChooseDirectly(Qualified(r.AgencyId!.Value, "agencyId", type, candidates, now, selection.DivisionCode), now);
                break;
            case SelectionMethod.RandomDraw:
                var offering = candidates.Where(c => c.Agency.ServiceTypes.Contains(type.Code)).ToList();
                var breaches = offering.Select(c => (c, Breach: Breach(c, type, now, selection.DivisionCode))).ToList();
                selection.DrawAmong(breaches.Where(b => b.Breach is null).Select(b => b.c.Agency.Id.ToString()),
                    breaches.Where(b => b.Breach is not null).Select(b => $"{b.c.Agency.Name}: {b.Breach!.Rule}"), Draw.NewSeed(), now);
                break;
            default:
                var invited = r.Invited!.Select((id, i) => Qualified(id, $"invited[{i}]", type, candidates, now, selection.DivisionCode)).ToList();
                selection.Invite(invited, r.QuoteDeadline!.Value, now);
                break;
        }
    }

    /// <summary>Offers the commission to the chosen agency and publishes AgencySelected with the record of the selection.</summary>
    public Commission Offer(Selection s, List<Candidate> candidates, DateTimeOffset now)
    {
        var chosen = candidates.First(c => c.Agency.Id.ToString() == s.ChosenAgencyId);
        var commission = Commission.Offer(s, chosen.Agency, chosen.Service?.WorkingDays ?? 10, now);
        db.Commissions.Add(commission);
        db.AddOutboxEvent(new AgencySelected(s.Id, commission.Id, s.RegionCode, s.OwnerId, s.ProjectCode, s.EngineeringCode, s.ServiceType,
            SelectionDto.MethodCode(s.Method), chosen.Agency.Id, chosen.Agency.Name, s.Seed, s.Candidates, now), s.Id.ToString(), clock);
        return commission;
    }

    private string Qualified(Guid id, string field, ServiceType type, List<Candidate> candidates, DateTimeOffset now, string? division)
    {
        var candidate = candidates.FirstOrDefault(c => c.Agency.Id == id)
            ?? throw ValidationException.For(field, $"agency {id} is not registered in this region", $"中介机构{id}未在本地区登记");
        if (Breach(candidate, type, now, division) is { } breach) throw ValidationException.For(field, $"{breach.English} (rule: {breach.Rule})", breach.Chinese);
        return id.ToString();
    }
}
