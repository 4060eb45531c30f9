using Approval.Approvals.Domain;

namespace Approval.Approvals.Api;

/// <summary>
/// 补正（开始）: the complete list of what is missing — each entry a material and what is wrong with it (at least one,
/// at most 50; material 1–200, problem 1–1000 characters) — and an optional due date for the answer (after today).
/// </summary>
public sealed record StartCorrectionRequest(List<CorrectionEntryRequest?>? Entries, DateOnly? Due);

public sealed record CorrectionEntryRequest(string? Material, string? Problem);

/// <summary>
/// One 补正 of an item: the list, the due date, and — once the applicant answered (补正（结束）) — their note and the corrected
/// files (Intake material ids: download through <c>/api/intake/materials/{materialId}/content</c>).
/// </summary>
public sealed record ItemCorrectionDto(Guid Id, IReadOnlyList<CorrectionEntry> Entries, DateOnly? Due, string RequestedBy, DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt, string? AnsweredBy, string? Note, IReadOnlyList<CorrectionFile> Files)
{
    public static ItemCorrectionDto Of(ItemCorrection c) => new(c.Id, c.Entries, c.Due, c.RequestedBy, c.StartedAt, c.EndedAt, c.AnsweredBy, c.Note, c.Files);
}
