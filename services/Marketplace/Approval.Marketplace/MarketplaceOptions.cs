using Approval.ServiceDefaults.Options;

namespace Approval.Marketplace;

/// <summary>Settings "Approval:Marketplace": the region's limit for an agency to answer a commission (working days on the region calendar).</summary>
public sealed class MarketplaceOptions
{
    [Positive]
    public int AcceptWorkingDays { get; set; } = 2;
}
