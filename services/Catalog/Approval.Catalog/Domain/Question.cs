namespace Approval.Catalog.Domain;

/// <summary>
/// 咨询: an applicant's question about an item, answered by the item's department; an answered
/// question can be published to the item's FAQ in the service guide.
/// </summary>
public sealed class Question
{
    public required Guid Id { get; init; }
    public required string ItemCode { get; init; }
    public required string DepartmentCode { get; init; }
    public required string AskerId { get; init; }
    public required string AskerName { get; init; }
    public required string Text { get; init; }
    public required DateTimeOffset AskedAt { get; init; }
    public string? Answer { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public uint RowVersion { get; private set; }

    public void AnswerWith(string answer, string answeredBy, DateTimeOffset now)
    {
        if (PublishedAt is not null) throw new QuestionStateException("is published to the FAQ and cannot be re-answered", "已发布到常见问题，不能再修改答复");
        Answer = answer;
        AnsweredBy = answeredBy;
        AnsweredAt = now;
    }

    public void PublishToFaq(DateTimeOffset now)
    {
        if (Answer is null) throw new QuestionStateException("has no answer yet, so it cannot be published", "尚未答复，不能发布");
        if (PublishedAt is not null) throw new QuestionStateException("is already published", "已发布");
        PublishedAt = now;
    }
}

/// <summary>A consultation step out of order (409).</summary>
public sealed class QuestionStateException(string english, string chinese)
    : DomainException($"The question {english}.", $"该咨询{chinese}。");
