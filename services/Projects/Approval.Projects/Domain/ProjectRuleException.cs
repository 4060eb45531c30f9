namespace Approval.Projects.Domain;

/// <summary>A broken project rule that is not bad input (409): a duplicate project code, no phase number left.</summary>
public sealed class ProjectRuleException(string message, string chineseMessage) : DomainException(message, chineseMessage)
{
    public static ProjectRuleException Duplicate(string code) =>
        new($"Project code {code} is already registered.", $"项目代码{code}已登记，不能重复登记。");
}
