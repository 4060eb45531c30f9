namespace Approval.Reviews.Domain;

/// <summary>补充材料: the agency's request (the clock stops at RequestedAt) and the applicant's answer (it runs again at AnsweredAt).</summary>
public sealed record SupplementRequest(string Reason, DateTimeOffset RequestedAt, string? Answer = null, DateTimeOffset? AnsweredAt = null,
    IReadOnlyList<Guid>? MaterialIds = null);

/// <summary>An opinion of one discipline (专业: 建筑, 结构, 给排水, 电气, 暖通, 消防 …).</summary>
public sealed record DisciplineOpinion(string Discipline, string Opinion);

/// <summary>The result file with the agency's detached seal signature (SM2 over SM3, from Licences).</summary>
public sealed record ReviewResult(string FileName, string ContentType, string Sha256, int Size, Guid SealId, string SealCode, string Signature,
    DateTimeOffset SignedAt);
