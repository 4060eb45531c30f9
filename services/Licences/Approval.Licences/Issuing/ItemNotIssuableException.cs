namespace Approval.Licences.Issuing;

/// <summary>409: the item instance is not (or not yet) concluded approved, its approval was revoked, or its certificate is in force.</summary>
public sealed class ItemNotIssuableException(string message, string chineseMessage) : DomainException(message, chineseMessage)
{
    public static ItemNotIssuableException NotConcluded(Guid item, string status) => new(
        $"Item instance {item} is not concluded approved (status {status}, or its conclusion has not reached the licence library yet); a certificate is issued only for an approved item.",
        $"事项实例{item}尚未办结（通过）（当前：{status}，或办结结果尚未送达证照库），只能为审批通过的事项出证。");

    public static ItemNotIssuableException NotApproved(Guid item) => new(
        $"Item instance {item} was concluded not approved; no certificate can be issued for it.", $"事项实例{item}办结（不通过），不能出证。");

    public static ItemNotIssuableException Revoked(Guid item) => new(
        $"The approval of item instance {item} was revoked; no certificate can be issued for it.", $"事项实例{item}的审批决定已撤销，不能出证。");

    public static ItemNotIssuableException AlreadyIssued(Guid item, string identifier) => new(
        $"Item instance {item} already has a valid licence ({identifier}); revoke it before issuing another.",
        $"事项实例{item}已有有效证照（{identifier}），须先撤销才能重新出证。");
}
