namespace Approval.Approvals.Domain;

/// <summary>补正 of an item in its department (DOMAIN.md 6/7): the department asks, the applicant answers, the clock pauses between.</summary>
public sealed partial class ItemInstance
{
    /// <summary>
    /// 补正（开始）: the complete list of what is missing (material and problem, at least one), with an optional due date
    /// after today; the clock pauses until the applicant answers.
    /// </summary>
    public ItemCorrection StartCorrection(IReadOnlyList<(string? Material, string? Problem)>? entries, DateOnly? due, DateOnly today, string actor, DateTimeOffset now)
    {
        ItemStateMachine.EnsureCanMove(Status, ProcessingStatus.CorrectionStarted);
        var list = entries ?? [];
        var errors = new FieldErrors()
            .Require(list.Count > 0, "entries", "list everything that is missing (at least one entry)", "必须一次性列出全部补正内容（至少一项）")
            .Require(list.Count <= ItemCorrection.MaxEntries, "entries", $"at most {ItemCorrection.MaxEntries} entries", $"补正内容最多{ItemCorrection.MaxEntries}项")
            .Require(due is null || due > today, "due", "the due date must be after today", "补正期限应晚于今日");
        for (var i = 0; i < list.Count && i < ItemCorrection.MaxEntries; i++)
        {
            var (material, problem) = (list[i].Material?.Trim() ?? "", list[i].Problem?.Trim() ?? "");
            errors.Require(material.Length is > 0 and <= ItemCorrection.MaxMaterialLength, $"entries[{i}].material",
                    $"name the material (1–{ItemCorrection.MaxMaterialLength} characters)", $"应写明材料名称（1至{ItemCorrection.MaxMaterialLength}个字符）")
                .Require(problem.Length is > 0 and <= ItemCorrection.MaxProblemLength, $"entries[{i}].problem",
                    $"say what is wrong (1–{ItemCorrection.MaxProblemLength} characters)", $"应写明问题（1至{ItemCorrection.MaxProblemLength}个字符）");
        }
        errors.ThrowIfAny();
        Status = ProcessingStatus.CorrectionStarted;
        return new ItemCorrection
        {
            Id = Guid.CreateVersion7(now), ItemInstanceId = Id, ApplicationId = ApplicationId, Due = due, RequestedBy = actor, StartedAt = now,
            Entries = list.Select(e => new CorrectionEntry(e.Material!.Trim(), e.Problem!.Trim())).ToList(),
        };
    }

    /// <summary>补正（结束）: the applicant's answer to the open correction; the clock runs again.</summary>
    public void EndCorrection(ItemCorrection open, string answeredBy, string? note, IReadOnlyList<CorrectionFile> files, DateTimeOffset now)
    {
        ItemStateMachine.EnsureCanMove(Status, ProcessingStatus.CorrectionEnded);
        if (open.ItemInstanceId != Id || open.EndedAt is not null)
            throw new InvalidOperationException($"correction {open.Id} is not the open correction of item instance {Id}");
        open.Answer(answeredBy, note, files, now);
        Status = ProcessingStatus.CorrectionEnded;
    }
}
