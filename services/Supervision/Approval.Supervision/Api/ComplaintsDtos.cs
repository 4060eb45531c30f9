using Approval.Supervision.Domain;

namespace Approval.Supervision.Api;

/// <summary>建议投诉 submitted: kind suggestion|complaint, the department, optionally an item code or a case (application id).</summary>
public sealed record ComplaintRequest(string? Kind, string? DepartmentCode, string? ItemCode, Guid? ApplicationId, string? Title, string? Text);

public sealed record ComplaintAnswerRequest(string? Answer);

/// <summary>One suggestion or complaint as its submitter, its department and the region's supervisors see it.</summary>
public sealed record ComplaintDto(
    Guid Id, string Kind, string KindName, string DepartmentCode, string DepartmentName, string? ItemCode, Guid? ApplicationId, string Title,
    string Text, string SubmitterName, DateTimeOffset SubmittedAt, DateOnly Deadline, string State, string StateName, bool Overdue,
    string? Answer, string? AnsweredByName, DateTimeOffset? AnsweredAt, DateTimeOffset? EscalatedAt)
{
    public static ComplaintDto Of(Complaint c, DateOnly today) => new(
        c.Id, c.Kind, c.KindName, c.DepartmentCode, c.DepartmentName, c.ItemCode, c.ApplicationId, c.Title, c.Text, c.SubmitterName, c.SubmittedAt,
        c.Deadline, c.Answered ? "answered" : "open", c.Answered ? "已答复" : "待答复", c.IsOverdue(today), c.Answer, c.AnsweredByName, c.AnsweredAt,
        c.EscalatedAt);
}

public sealed record ComplaintPageDto(int Total, IReadOnlyList<ComplaintDto> Items);

/// <summary>
/// The public row (政务公开): an answered suggestion or complaint with no submitter (name, id, account), no case, and
/// title, text and answer masked (ComplaintMasking); dates only.
/// </summary>
public sealed record PublicComplaintDto(string Kind, string KindName, string DepartmentCode, string DepartmentName, string? ItemCode, string Title,
    string Text, DateOnly SubmittedDate, string Answer, DateOnly AnsweredDate)
{
    public static PublicComplaintDto Of(Complaint c) => new(c.Kind, c.KindName, c.DepartmentCode, c.DepartmentName, c.ItemCode,
        ComplaintMasking.Mask(c.Title, c.SubmitterName)!, ComplaintMasking.Mask(c.Text, c.SubmitterName)!, c.SubmittedDate,
        ComplaintMasking.Mask(c.Answer, c.SubmitterName)!, c.AnsweredDate!.Value);
}

public sealed record PublicComplaintPageDto(int Total, IReadOnlyList<PublicComplaintDto> Items);

/// <summary>A department's suggestions and complaints for the supervision figures: received, answered, overdue (late or past due).</summary>
public sealed record ComplaintFigureDto(string DepartmentCode, string DepartmentName, int Received, int Answered, int Overdue);

/// <summary>A department of the region a suggestion or complaint may be about.</summary>
public sealed record ComplaintDepartmentDto(string Code, string Name);
