namespace Approval.Marketplace.Domain;

/// <summary>选取方式: direct choice (直接选取), random draw (随机抽取), lowest quote among at least three invited (竞价选取).</summary>
public enum SelectionMethod
{
    Direct = 1,
    RandomDraw = 2,
    LowestQuote = 3,
}

/// <summary>A quote (报价) of an invited agency, kept whether it wins or not.</summary>
public sealed record Quote(string AgencyId, decimal Amount, string? Note, DateTimeOffset QuotedAt);

/// <summary>
/// The applicant's selection of an agency for a service of one project phase (engineering code), on the record: the
/// method, for a draw its seed, ordered candidate list and result, for a quote round the invited agencies and every quote.
/// </summary>
public sealed class Selection
{
    public const int MinInvited = 3, MaxInvited = 20;

    public Guid Id { get; private set; }
    public required string RegionCode { get; init; }
    public required string OwnerId { get; init; }
    public required string OwnerName { get; init; }
    public required string ProjectCode { get; init; }
    public required string EngineeringCode { get; init; }
    /// <summary>The project's administrative division (行政区划代码) the chosen agency must serve; null for selections made before it was kept.</summary>
    public string? DivisionCode { get; init; }
    public required string ServiceType { get; init; }
    public SelectionMethod Method { get; init; }
    public string? Seed { get; private set; }
    /// <summary>The qualified agencies (ids, ordered) the draw ran over, or the invited ones of a quote round.</summary>
    public List<string> Candidates { get; private set; } = [];
    /// <summary>Agencies left out of a draw with the rule each broke ("id: rule"), for the record.</summary>
    public List<string> Excluded { get; private set; } = [];
    public List<Quote> Quotes { get; private set; } = [];
    public DateTimeOffset? QuoteDeadline { get; private set; }
    public string? ChosenAgencyId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ConcludedAt { get; private set; }
    public uint Version { get; private set; }

    public bool IsOpen => ChosenAgencyId is null;

    public static Selection Create(SelectionMethod method, string region, string ownerId, string ownerName, string projectCode,
        string engineeringCode, ServiceType type, DateTimeOffset now, string? divisionCode = null) => new()
    {
        Id = Guid.CreateVersion7(now), Method = method, RegionCode = region, OwnerId = ownerId, OwnerName = ownerName,
        ProjectCode = projectCode, EngineeringCode = engineeringCode, ServiceType = type.Code, CreatedAt = now, DivisionCode = divisionCode,
    };

    public void ChooseDirectly(string agencyId, DateTimeOffset now) => Conclude(agencyId, now);

    /// <summary>Draws among the qualified agencies; none → 409 with the reason (and each exclusion).</summary>
    public void DrawAmong(IEnumerable<string> qualified, IEnumerable<string> excluded, string seed, DateTimeOffset now)
    {
        Candidates = qualified.Order(StringComparer.Ordinal).ToList();
        Excluded = excluded.ToList();
        if (Candidates.Count == 0)
            throw new MarketplaceRuleException(
                $"A random draw needs a qualified candidate; none is ({(Excluded.Count == 0 ? "no agency offers the service" : string.Join("; ", Excluded))}).",
                $"随机抽取没有符合条件的候选中介机构（{(Excluded.Count == 0 ? "没有机构提供该服务" : string.Join("；", Excluded))}）。");
        Seed = seed;
        Conclude(Draw.Pick(seed, Candidates), now);
    }

    /// <summary>Re-runs the draw from the record: the same seed and list always give the recorded agency.</summary>
    public string? Rerun() => Method == SelectionMethod.RandomDraw && Seed is not null && Candidates.Count > 0 ? Draw.Pick(Seed, Candidates) : null;

    public void Invite(IReadOnlyList<string> invited, DateTimeOffset deadline, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        errors.Require(invited.Count is >= MinInvited and <= MaxInvited && invited.Distinct().Count() == invited.Count, "invited",
            $"a lowest-quote selection invites {MinInvited}–{MaxInvited} different agencies", $"竞价选取须邀请{MinInvited}至{MaxInvited}家不同的中介机构");
        errors.Require(deadline > now && deadline <= now.AddDays(30), "quoteDeadline",
            "must be in the future, within 30 days", "报价截止时间须晚于当前时间且在30日内");
        errors.ThrowIfAny();
        Candidates = invited.ToList();
        QuoteDeadline = deadline;
    }

    /// <summary>An invited agency's quote (a later one replaces its earlier); after the deadline → 409.</summary>
    public void AddQuote(string agencyId, decimal? amount, string? note, DateTimeOffset now)
    {
        if (Method != SelectionMethod.LowestQuote || !IsOpen)
            throw new MarketplaceRuleException("This selection takes no quotes.", "该选取不接受报价。");
        if (now > QuoteDeadline)
            throw new MarketplaceRuleException($"The quote deadline {QuoteDeadline:u} has passed.", $"报价截止时间（{QuoteDeadline:u}）已过，不再接受报价。");
        var errors = new FieldErrors();
        errors.Require(amount is > 0 and < 1_000_000_000m, "amount", "must be a positive amount in yuan", "报价金额（元）必须大于0");
        errors.Require(note is null || note.Length <= 500, "note", "at most 500 characters", "说明最多500字");
        errors.ThrowIfAny();
        Quotes = Quotes.Where(q => q.AgencyId != agencyId).Append(new Quote(agencyId, amount!.Value, note?.Trim(), now)).ToList();
    }

    /// <summary>After the deadline the lowest quote of a still-qualified agency wins (the earlier on a tie); every quote stays.</summary>
    public void CloseQuotes(Func<string, bool> stillQualified, DateTimeOffset now)
    {
        if (Method != SelectionMethod.LowestQuote || !IsOpen)
            throw new MarketplaceRuleException("This selection has no open quote round.", "该选取没有进行中的竞价。");
        if (now <= QuoteDeadline)
            throw new MarketplaceRuleException($"Quotes are open until {QuoteDeadline:u}.", $"报价截止时间（{QuoteDeadline:u}）未到，不能确定结果。");
        var winner = Quotes.Where(q => stillQualified(q.AgencyId)).OrderBy(q => q.Amount).ThenBy(q => q.QuotedAt).FirstOrDefault()
            ?? throw new MarketplaceRuleException("No qualified agency quoted.", "没有符合条件的中介机构报价。");
        Conclude(winner.AgencyId, now);
    }

    private void Conclude(string agencyId, DateTimeOffset now)
    {
        ChosenAgencyId = agencyId;
        ConcludedAt = now;
    }

    public static string MethodName(SelectionMethod method) => method switch
    {
        SelectionMethod.Direct => "直接选取",
        SelectionMethod.RandomDraw => "随机抽取",
        SelectionMethod.LowestQuote => "竞价选取",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };
}
