namespace Approval.Reviews.Domain;

/// <summary>A step the review's state does not allow (409), naming the state it is in and the step tried.</summary>
public sealed class ReviewRuleException(string message, string chineseMessage) : DomainException(message, chineseMessage)
{
    public static ReviewRuleException Transition(ReviewStatus current, string step, string chineseStep) =>
        new($"The review is {current.Code()} ({current.ChineseName()}): it cannot be {step}.",
            $"技术审查当前状态为“{current.ChineseName()}”，不能{chineseStep}。");
}
