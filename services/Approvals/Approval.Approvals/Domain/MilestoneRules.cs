namespace Approval.Approvals.Domain;

/// <summary>
/// How a stage concludes (DOMAIN.md): rule 1 — every milestone item concluded; rule 2 — any milestone item concluded.
/// A stage instance none of whose items is a milestone item treats all its items as milestones. Outcome: under rule 1
/// the stage is approved when every milestone item was approved (办结（通过）or（容缺通过）); under rule 2 it concludes
/// with the first milestone item that concludes, approved when that item was (issue 15: not "the first approved one").
/// </summary>
public static class MilestoneRules
{
    /// <summary>Null while the stage is still open; otherwise whether it concluded approved.</summary>
    public static bool? Outcome(int rule, IReadOnlyCollection<ItemInstance> items)
    {
        var milestones = items.Where(i => i.Milestone).ToList();
        if (milestones.Count == 0) milestones = items.ToList();
        if (milestones.Count == 0) return null;
        var concluded = milestones.Where(i => i.HasConcluded).ToList();
        var approved = concluded.Where(IsApproval).ToList();
        return rule switch
        {
            1 => concluded.Count == milestones.Count ? approved.Count == milestones.Count : null,
            2 => concluded.Count > 0 ? approved.Count > 0 : null,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "a milestone rule is 1 (all) or 2 (any)"),
        };
    }

    /// <summary>Approved at its conclusion; a later 撤销 does not reopen a concluded stage.</summary>
    private static bool IsApproval(ItemInstance i) =>
        i.Status is ProcessingStatus.Approved or ProcessingStatus.ApprovedWithMaterialsToFollow or ProcessingStatus.Revoked;
}
