namespace Approval.Portal.Clients;

/// <summary>Supervision's 建议投诉: submit, one's own, the department's (答复), the supervisors' list and counts, the public list.</summary>
public sealed partial class SupervisionClient
{
    public Task<List<ComplaintDepartment>> ComplaintDepartmentsAsync(CancellationToken ct = default) =>
        GetAsync<List<ComplaintDepartment>>("/api/supervision/public/complaint-departments", ct);

    public Task<PublicComplaintPage> PublicComplaintsAsync(string? departmentCode, int skip, CancellationToken ct = default) =>
        GetAsync<PublicComplaintPage>($"/api/supervision/public/complaints?take=20&skip={skip}"
            + (string.IsNullOrEmpty(departmentCode) ? "" : "&departmentCode=" + Uri.EscapeDataString(departmentCode)), ct);

    public Task<Complaint> SubmitComplaintAsync(ComplaintForm form, CancellationToken ct = default) =>
        SendAsync<Complaint>(HttpMethod.Post, "/api/supervision/complaints", form, ct);

    public Task<List<Complaint>> MyComplaintsAsync(CancellationToken ct = default) => GetAsync<List<Complaint>>("/api/supervision/complaints/mine", ct);

    public Task<List<Complaint>> DepartmentComplaintsAsync(string? state, CancellationToken ct = default) =>
        GetAsync<List<Complaint>>("/api/supervision/complaints/department" + (string.IsNullOrEmpty(state) ? "" : "?state=" + state), ct);

    public Task<Complaint> AnswerComplaintAsync(Guid id, string answer, CancellationToken ct = default) =>
        SendAsync<Complaint>(HttpMethod.Post, $"/api/supervision/complaints/{id}/answer", new { answer }, ct);

    public Task<ComplaintPage> ComplaintsAsync(string query, CancellationToken ct = default) =>
        GetAsync<ComplaintPage>("/api/supervision/complaints?" + query, ct);

    public Task<List<ComplaintFigure>> ComplaintFiguresAsync(CancellationToken ct = default) =>
        GetAsync<List<ComplaintFigure>>("/api/supervision/complaints/figures", ct);
}

public sealed class ComplaintForm
{
    public string Kind { get; set; } = "complaint";
    public string DepartmentCode { get; set; } = "";
    public string? ItemCode { get; set; }
    public Guid? ApplicationId { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
}

public sealed record ComplaintDepartment(string Code, string Name);
public sealed record Complaint(Guid Id, string Kind, string KindName, string DepartmentCode, string DepartmentName, string? ItemCode, Guid? ApplicationId,
    string Title, string Text, string SubmitterName, DateTimeOffset SubmittedAt, DateOnly Deadline, string State, string StateName, bool Overdue,
    string? Answer, string? AnsweredByName, DateTimeOffset? AnsweredAt, DateTimeOffset? EscalatedAt);
public sealed record ComplaintPage(int Total, List<Complaint> Items);
public sealed record PublicComplaint(string Kind, string KindName, string DepartmentCode, string DepartmentName, string? ItemCode, string Title,
    string Text, DateOnly SubmittedDate, string Answer, DateOnly AnsweredDate);
public sealed record PublicComplaintPage(int Total, List<PublicComplaint> Items);
public sealed record ComplaintFigure(string DepartmentCode, string DepartmentName, int Received, int Answered, int Overdue);
