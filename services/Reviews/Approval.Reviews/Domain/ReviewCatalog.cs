namespace Approval.Reviews.Domain;

/// <summary>An agency of the region (from the organisation record) with the review types it is qualified for.</summary>
public sealed record ReviewAgency(string Code, string Name, IReadOnlyList<string> Types, DateOnly? ValidUntil);

/// <summary>
/// The review types with their limits (the catalog item's time limit when the region pack has the item, else the type's
/// default) and the agencies qualified for them. Which agency may take which type is decided here, in one place.
/// </summary>
public sealed class ReviewCatalog(IReadOnlyDictionary<string, int> catalogLimits, IEnumerable<Qualification> qualifications,
    IReadOnlyDictionary<string, string> organisationNames)
{
    private readonly List<Qualification> qualifications = qualifications.ToList();

    public int LimitOf(ReviewType type) =>
        type.CatalogItemCode is { } item && catalogLimits.TryGetValue(item, out var days) && days > 0 ? days : type.DefaultLimitWorkingDays;

    /// <summary>The agencies of the region with a qualification valid today for <paramref name="type"/>.</summary>
    public IReadOnlyList<ReviewAgency> AgenciesFor(string type, DateOnly today) =>
        qualifications.Where(q => q.Covers(type, today) && organisationNames.ContainsKey(q.Agency))
            .Select(q => new ReviewAgency(q.Agency, organisationNames[q.Agency], q.Types, q.ValidUntil)).ToList();

    /// <summary>Null when the agency is an organisation of the region qualified for the type today, else why not (English, Chinese).</summary>
    public (string English, string Chinese)? Problem(string agency, ReviewType type, DateOnly today)
    {
        if (!organisationNames.TryGetValue(agency, out var name))
            return ($"'{agency}' is not an organisation of the region", $"“{agency}”不是本区域的机构");
        if (qualifications.Any(q => q.Agency == agency && q.Covers(type.Code, today))) return null;
        return ($"{agency} {name} holds no valid qualification for {type.Code} ({type.Name})",
            $"{agency}{name}没有有效的{type.Name}资质");
    }

    public string NameOf(string agency) => organisationNames.GetValueOrDefault(agency, agency);
}
