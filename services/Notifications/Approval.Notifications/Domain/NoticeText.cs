namespace Approval.Notifications.Domain;

/// <summary>What one notice says: a kind (machine-readable), a title and the body the applicant reads (and the SMS carries).</summary>
public sealed record NoticeText(string Kind, string Title, string Body);
