namespace Approval.Utilities.Domain;

/// <summary>A broken rule of the connection flow that is not bad input (409): connecting before the survey, a step out of turn.</summary>
public sealed class UtilityRuleException(string message, string chineseMessage) : DomainException(message, chineseMessage);
