namespace Approval.Approvals.Domain;

/// <summary>The later of two ordered items tried to decide before the earlier one concluded (→ 409 naming the earlier item).</summary>
public sealed class EarlierItemUndecidedException(ItemInstance later, ItemInstance earlier) : DomainException(
    $"Item {later.ItemCode} decides after item {earlier.ItemCode} ({earlier.ItemName}), which is still {earlier.Status.Code()} {earlier.Status.ChineseName()}.",
    $"本事项须待前置事项{earlier.ItemCode}「{earlier.ItemName}」办结后方可作出决定，该事项当前为{earlier.Status.ChineseName()}。")
{
    public string BlockingItemCode { get; } = earlier.ItemCode;
}
