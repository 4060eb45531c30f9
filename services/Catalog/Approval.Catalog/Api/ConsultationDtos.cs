namespace Approval.Catalog.Api;

public sealed record AskRequest(string? Text);

public sealed record AnswerRequest(string? Answer, bool PublishToFaq = false);

public sealed record QuestionDto(
    Guid Id, string ItemCode, string DepartmentCode, string AskerName, string Text, DateTimeOffset AskedAt,
    string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt, bool Published);
