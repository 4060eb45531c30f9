namespace Approval.Reviews.Domain;

/// <summary>A review agency's qualification (资质) for review types, valid up to and including <see cref="ValidUntil"/> (null: no end).</summary>
public sealed class Qualification
{
    public string Agency { get; set; } = "";
    public List<string> Types { get; set; } = [];
    public DateOnly? ValidUntil { get; set; }

    public bool Covers(string type, DateOnly today) => Types.Contains(type) && (ValidUntil is null || today <= ValidUntil);
}

/// <summary>The configured qualifications (Approval:Reviews:Qualifications), seeded for the demo: TSZX for construction-drawing.</summary>
public sealed class ReviewsOptions
{
    public List<Qualification> Qualifications { get; set; } = [];
}
