namespace Approval.Intake.Domain;

/// <summary>A broken Intake rule that is not a status change (409), e.g. consulting after the decision or answering twice.</summary>
public sealed class IntakeRuleException(string message, string chineseMessage) : DomainException(message, chineseMessage);
