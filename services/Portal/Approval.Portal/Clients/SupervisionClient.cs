using Microsoft.AspNetCore.Components.Authorization;

namespace Approval.Portal.Clients;

/// <summary>Supervision: 督查 — figures, the item clocks behind them, 督办 and the public on-time rates (docs/supervision.md).</summary>
public sealed partial class SupervisionClient(HttpClient http, AuthenticationStateProvider authentication) : ServiceClient(http, authentication)
{
    public Task<SupervisionFigures> FiguresAsync(string query, CancellationToken ct = default) =>
        GetAsync<SupervisionFigures>("/api/supervision/figures?" + query, ct);

    public Task<SupervisionItemPage> ItemsAsync(string query, CancellationToken ct = default) =>
        GetAsync<SupervisionItemPage>("/api/supervision/items?" + query, ct);

    public Task<SupervisionItemDetail> ItemAsync(Guid id, CancellationToken ct = default) =>
        GetAsync<SupervisionItemDetail>($"/api/supervision/items/{id}", ct);

    public Task<SupervisionNotice> UrgeAsync(Guid id, string note, CancellationToken ct = default) =>
        SendAsync<SupervisionNotice>(HttpMethod.Post, $"/api/supervision/items/{id}/urge", new { note }, ct);

    /// <summary>A project's timeline with the regulators' records (审管联动): its applicants, supervisors, regulators.</summary>
    public Task<ProjectTimeline> TimelineAsync(string projectCode, CancellationToken ct = default) =>
        GetAsync<ProjectTimeline>($"/api/supervision/projects/{Uri.EscapeDataString(projectCode)}/timeline", ct);

    /// <summary>A regulator files an inspection, penalty or rectification order on the project.</summary>
    public Task<RegulatorRecord> FileRecordAsync(string projectCode, RegulatorRecordInput input, CancellationToken ct = default) =>
        SendAsync<RegulatorRecord>(HttpMethod.Post, $"/api/supervision/projects/{Uri.EscapeDataString(projectCode)}/records", input, ct);

    public Task<List<PublicDepartmentRate>> PublicDepartmentsAsync(CancellationToken ct = default) =>
        GetAsync<List<PublicDepartmentRate>>("/api/supervision/public/departments", ct);
}

public sealed record SupervisionIntake(int Received, int Accepted, int Refused);
public sealed record SupervisionFigureRow(string Key, string Name, int Received, int Accepted, int Concluded, double ConclusionRate,
    double OnTimeRate, double AverageWorkingDays, double P90WorkingDays, int Overdue, int SpecialProcedureWorkingDays,
    int CorrectionWorkingDays, int CorrectionCount);
public sealed record SupervisionFigures(DateOnly From, DateOnly To, string GroupBy, SupervisionIntake Intake, List<SupervisionFigureRow> Rows);
public sealed record SupervisionPause(string Kind, DateTimeOffset Start, DateTimeOffset? End);
public sealed record SupervisionItem(Guid Id, Guid? ItemInstanceId, Guid ApplicationId, string ProjectCode, string ProjectName, string ItemCode,
    string ItemName, string DepartmentCode, string DepartmentName, int StageNo, string? FlowType, int StatusCode, int LimitWorkingDays,
    DateTimeOffset AcceptedAt, DateTimeOffset? ConcludedAt, DateOnly? Deadline, int UsedWorkingDays, int CorrectionWorkingDays,
    int SpecialWorkingDays, int CorrectionCount, string State, string StateName, string? HandlerName, List<SupervisionPause> Pauses);
public sealed record SupervisionItemPage(int Total, List<SupervisionItem> Items);
public sealed record SupervisionNotice(Guid Id, string Kind, string? Note, string? By, int RecipientCount, DateTimeOffset RaisedAt);
public sealed record SupervisionItemDetail(SupervisionItem Clock, List<SupervisionNotice> Notices);
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Title, string? Detail, string? By, Guid? RecordId);
public sealed record RegulatorRecord(Guid Id, string ProjectCode, string RegulatorCode, string RegulatorName, string Kind, string KindName,
    string Title, string Summary, DateOnly OccurredOn, string? DocumentNo, Guid? ItemInstanceId, DateTimeOffset FiledAt);
public sealed record ProjectTimeline(string ProjectCode, string ProjectName, List<TimelineEntry> Entries, List<RegulatorRecord> Records);
public sealed class RegulatorRecordInput
{
    public string Kind { get; set; } = "inspection";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public DateOnly? OccurredOn { get; set; }
    public string? DocumentNo { get; set; }
}
public sealed record PublicDepartmentRate(string DepartmentCode, string DepartmentName, int Concluded, double OnTimeRate, int Ratings = 0,
    double? AverageRating = null);
