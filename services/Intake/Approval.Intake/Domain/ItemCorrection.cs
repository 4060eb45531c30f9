namespace Approval.Intake.Domain;

/// <summary>
/// A department's 补正 of one accepted item (Approvals' 补正（开始）, status 6), kept so its applicant can answer it with
/// corrected files: one answer per correction; the answer's files are attached to the application, where the department
/// downloads them as the application's materials.
/// </summary>
public sealed class ItemCorrection
{
    public const int MaxNoteLength = 2000;

    public Guid Id { get; init; }
    public Guid ApplicationId { get; init; }
    public Guid ItemInstanceId { get; init; }
    public required string ItemCode { get; init; }
    public required string ItemName { get; init; }
    public required string DepartmentName { get; init; }
    /// <summary>What is missing: the material (<see cref="Correction.Subject"/>) and what is wrong with it.</summary>
    public List<Correction> Entries { get; init; } = [];
    public DateOnly? Due { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? Note { get; private set; }

    public void Answer(string? note, DateTimeOffset now)
    {
        if (AnsweredAt is not null) throw new ItemCorrectionAnsweredException(this);
        if (note?.Trim().Length > MaxNoteLength)
            throw ValidationException.For("note", $"at most {MaxNoteLength} characters", $"补正说明最多{MaxNoteLength}个字符");
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        AnsweredAt = now;
    }
}

public sealed class ItemCorrectionAnsweredException(ItemCorrection c)
    : DomainException($"The correction {c.Id} of {c.ItemName} was already answered.", $"{c.ItemName}的补正已提交，无需重复提交。");
