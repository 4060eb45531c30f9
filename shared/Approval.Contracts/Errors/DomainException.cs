namespace Approval.Contracts.Errors;

/// <summary>A broken business rule. The English and Chinese messages reach the caller as ProblemDetails.</summary>
public abstract class DomainException(string message, string chineseMessage) : Exception(message)
{
    public string ChineseMessage { get; } = chineseMessage;
}
