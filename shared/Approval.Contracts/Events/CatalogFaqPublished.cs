namespace Approval.Contracts.Events;

/// <summary>An answered consultation question (咨询) was published to an item's FAQ in its service guide.</summary>
public sealed record CatalogFaqPublished(
    Guid QuestionId,
    string ItemCode,
    string DepartmentCode,
    string Question,
    string Answer,
    DateTimeOffset PublishedAt);
