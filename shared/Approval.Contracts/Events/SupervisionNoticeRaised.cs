namespace Approval.Contracts.Events;

/// <summary>
/// Supervision (督查) tells staff about an item clock: 预警 (Kind "warning") or 逾期 ("overdue") when the clock crosses the
/// region's threshold, sent once each, or 督办 ("urge"), a supervisor's reminder. Notifications puts it in each recipient's
/// inbox and sends it by SMS to the number the recipient set (SubjectId is the item clock, never an application, so the
/// applicant's number is never used). 建议投诉 uses it too, with the complaint as SubjectId: Kind "complaint-received" (to
/// the department's leads), "complaint-answered" (to the submitter), "complaint-escalated" (leads and supervisors).
/// </summary>
public sealed record SupervisionNoticeRaised(
    Guid NoticeId,
    Guid SubjectId,
    string RegionCode,
    string DepartmentCode,
    string Kind,
    string Title,
    string Body,
    IReadOnlyList<string> RecipientIds,
    DateTimeOffset RaisedAt);
