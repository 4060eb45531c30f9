namespace Approval.Portal.Clients;

// 会商 on a stage instance as the portal reads Approvals' answers (services/Approvals/Approval.Approvals/Api/StagesApi.cs,
// ConsultationsApi.cs). Named JointReview here: "Consultation" is the window's 受理前征求意见 (Intake).

public sealed record JointReview(
    Guid Id, string OpenedBy, string Topic, IReadOnlyList<string> InvitedDepartments, IReadOnlyList<JointReviewAnswer> Answers,
    string? Conclusion, DateTimeOffset OpenedAt, DateTimeOffset? ConcludedAt)
{
    public JointReviewAnswer? AnswerOf(string department) => Answers.FirstOrDefault(a => a.Department == department);
}

public sealed record JointReviewAnswer(string Department, string Opinion, DateTimeOffset At);

/// <summary>One line of the department's 会商 list: <see cref="Lead"/> when its department opened it, else it is invited.</summary>
public sealed record DepartmentJointReview(
    JointReview Consultation, Guid StageId, Guid ApplicationId, int StageNo, string ProjectCode, string ProjectName,
    bool Lead, bool Answered, IReadOnlyDictionary<string, string> DepartmentNames);

/// <summary>A stage instance as its departments see it: its items (and their departments) and its 会商.</summary>
public sealed record StageView(
    Guid Id, Guid ApplicationId, int StageNo, string? ParallelInstanceCode, DateTimeOffset AcceptedAt,
    IReadOnlyList<StageViewItem> Items, IReadOnlyList<JointReview> Consultations, int MilestoneRule, int Status, string StatusName,
    bool? Approved, DateTimeOffset? ConcludedAt, string? ProjectCode, int? TimeLimitWorkingDays, Clock? Clock, string? ClockProblem)
{
    public string DepartmentName(string code) => Items.FirstOrDefault(i => i.DepartmentCode == code)?.DepartmentName ?? code;
}

public sealed record StageViewItem(
    Guid Id, string ItemCode, string ItemName, string DepartmentCode, string DepartmentName, int StatusCode, string StatusName,
    bool Milestone = false, string? AfterItemCode = null);
