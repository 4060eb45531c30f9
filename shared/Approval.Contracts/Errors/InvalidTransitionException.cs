namespace Approval.Contracts.Errors;

/// <summary>An illegal state transition (409): names the current and the attempted status.</summary>
public sealed class InvalidTransitionException(string subject, ProcessingStatus current, ProcessingStatus attempted)
    : DomainException(
        $"{subject} cannot move from {current.Code()} {current.ChineseName()} to {attempted.Code()} {attempted.ChineseName()}.",
        $"{subject}当前状态为“{current.ChineseName()}”（{current.Code()}），不能变更为“{attempted.ChineseName()}”（{attempted.Code()}）。")
{
    public ProcessingStatus Current { get; } = current;
    public ProcessingStatus Attempted { get; } = attempted;
}
