namespace Approval.Marketplace.Domain;

/// <summary>
/// An intermediary agency (中介服务机构): one per organisation of kind intermediary, registered by its own staff, verified
/// by the region admin. A change of the profile sends it back to 待审核 (the admin verifies what is stated now).
/// </summary>
public sealed class Agency
{
    public Guid Id { get; private set; }
    public required string OrgCode { get; init; }
    public required string RegionCode { get; init; }
    public string Name { get; private set; } = "";
    public string CreditCode { get; private set; } = "";
    public string Contact { get; private set; } = "";
    public int StaffCount { get; private set; }
    /// <summary>收费区间, yuan.</summary>
    public decimal FeeMin { get; private set; }
    public decimal FeeMax { get; private set; }
    public List<string> ServiceTypes { get; private set; } = [];
    /// <summary>服务区域: administrative division codes (<see cref="Domain.ServiceAreas"/>).</summary>
    public List<string> ServiceAreas { get; private set; } = [];
    public List<Qualification> Qualifications { get; private set; } = [];
    public AgencyStatus Status { get; private set; } = AgencyStatus.Pending;
    public string? ReviewNote { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public static Agency Register(string orgCode, string regionCode, AgencyProfile profile, DateTimeOffset now)
    {
        var agency = new Agency { Id = Guid.CreateVersion7(now), OrgCode = orgCode, RegionCode = regionCode, RegisteredAt = now };
        agency.Update(profile, now);
        return agency;
    }

    public void Update(AgencyProfile profile, DateTimeOffset now)
    {
        Qualifications = AgencyProfileRules.Check(profile);
        Name = profile.Name!.Trim();
        CreditCode = profile.CreditCode!.Trim();
        Contact = profile.Contact!.Trim();
        StaffCount = profile.StaffCount!.Value;
        FeeMin = profile.FeeMin!.Value;
        FeeMax = profile.FeeMax!.Value;
        ServiceTypes = profile.ServiceTypes!.Distinct().ToList();
        ServiceAreas = profile.ServiceAreas!.Select(a => a.Trim()).Distinct().ToList();
        Status = AgencyStatus.Pending;
        UpdatedAt = now;
    }

    /// <summary>The region admin's decision: verified or refused, with the certificates it suspends (by number).</summary>
    public void Review(bool verified, IReadOnlyCollection<string> suspendedNumbers, string? note, string reviewer, DateTimeOffset now)
    {
        var unknown = suspendedNumbers.Where(n => Qualifications.All(q => q.Number != n)).ToList();
        if (unknown.Count > 0)
            throw ValidationException.For("suspendedQualifications", $"not certificates of this agency: {string.Join(", ", unknown)}",
                $"不是本机构的证书编号：{string.Join("、", unknown)}");
        if (!verified && string.IsNullOrWhiteSpace(note))
            throw ValidationException.For("note", "a refusal needs its reason", "不予认证须说明理由");
        Qualifications = Qualifications.Select(q => q with { Suspended = suspendedNumbers.Contains(q.Number) }).ToList();
        Status = verified ? AgencyStatus.Verified : AgencyStatus.Rejected;
        ReviewNote = note?.Trim();
        ReviewedBy = reviewer;
        ReviewedAt = now;
    }
}
