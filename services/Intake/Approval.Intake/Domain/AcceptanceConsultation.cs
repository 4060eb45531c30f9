namespace Approval.Intake.Domain;

/// <summary>
/// 受理前征求意见: the window asks one department for its opinion on an application before deciding on acceptance.
/// One row per asked department; the department answers once.
/// </summary>
public sealed class AcceptanceConsultation
{
    public Guid Id { get; init; }
    public Guid ApplicationId { get; init; }
    public required string RegionCode { get; init; }
    public required string DepartmentCode { get; init; }
    public required string Question { get; init; }
    public required string AskedBy { get; init; }
    public DateTimeOffset AskedAt { get; init; }
    public string? Opinion { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    public void Answer(string? opinion, string by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(opinion))
            throw Approval.Contracts.Errors.ValidationException.For("opinion", "an opinion is required", "必须填写意见");
        if (AnsweredAt is not null)
            throw new IntakeRuleException("This consultation was already answered.", "该征求意见已答复，不能重复答复。");
        Opinion = opinion.Trim();
        AnsweredBy = by;
        AnsweredAt = now;
    }
}
