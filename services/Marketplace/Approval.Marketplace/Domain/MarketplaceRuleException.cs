namespace Approval.Marketplace.Domain;

/// <summary>A broken marketplace rule that is not bad input (409): no qualified candidate, a quote after the deadline, a wrong step.</summary>
public sealed class MarketplaceRuleException(string message, string chineseMessage) : DomainException(message, chineseMessage);
