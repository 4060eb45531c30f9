using Approval.Calendar;

namespace Approval.Approvals.Domain;

/// <summary>
/// One 补正 of an item instance: 补正（开始） (6) with the complete list of what is missing, to 补正（结束） (7) on the
/// applicant's answer with corrected files (uploaded to Intake); the item's clock — and its stage's and project's — pauses meanwhile.
/// </summary>
public sealed class ItemCorrection
{
    public const int MaxEntries = 50, MaxMaterialLength = 200, MaxProblemLength = 1000, MaxNoteLength = 2000;

    public Guid Id { get; init; }
    public Guid ItemInstanceId { get; init; }
    public Guid ApplicationId { get; init; }
    public List<CorrectionEntry> Entries { get; init; } = [];
    /// <summary>The answer is asked for by this date (optional; the clock stays paused until the answer regardless).</summary>
    public DateOnly? Due { get; init; }
    public required string RequestedBy { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; private set; }
    public string? AnsweredBy { get; private set; }
    public string? Note { get; private set; }
    public List<CorrectionFile> Files { get; private set; } = [];

    /// <summary>The pause it puts on its item's clock and on every clock containing the item (stage, project).</summary>
    public Pause Pause() => new(StartedAt, EndedAt, "补正");

    public void Answer(string answeredBy, string? note, IReadOnlyList<CorrectionFile> files, DateTimeOffset now)
    {
        EndedAt = now;
        AnsweredBy = answeredBy;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Files = [.. files];
    }

    /// <summary>The list in one line, for the timeline: "1. 施工图：缺少签章；2. …".</summary>
    public string Summary() => string.Join("；", Entries.Select((e, i) => $"{i + 1}. {e.Material}：{e.Problem}"));
}

/// <summary>One entry of the list: the material concerned and what is wrong with it.</summary>
public sealed record CorrectionEntry(string Material, string Problem);

/// <summary>A corrected file of the answer: the material it corrects and its Intake material (downloaded through Intake).</summary>
public sealed record CorrectionFile(string Material, Guid MaterialId, string FileName);
