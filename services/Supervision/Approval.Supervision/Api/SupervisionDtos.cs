using Approval.Calendar;
using Approval.Supervision.Domain;

namespace Approval.Supervision.Api;

public sealed record FiguresDto(DateOnly From, DateOnly To, string GroupBy, IntakeFigures Intake, IReadOnlyList<FigureRow> Rows);

public sealed record ItemClockDto(
    Guid Id, Guid? ItemInstanceId, Guid ApplicationId, string ProjectCode, string ProjectName, string ItemCode, string ItemName,
    string DepartmentCode, string DepartmentName, int StageNo, string? FlowType, int StatusCode, int LimitWorkingDays,
    DateTimeOffset AcceptedAt, DateTimeOffset? ConcludedAt, DateOnly? Deadline, int UsedWorkingDays, int CorrectionWorkingDays,
    int SpecialWorkingDays, int CorrectionCount, string State, string StateName, string? HandlerName, IReadOnlyList<ClockPause> Pauses)
{
    public static ItemClockDto Of(ItemClock i) => new(
        i.Id, i.ItemInstanceId, i.ApplicationId, i.ProjectCode, i.ProjectName, i.ItemCode, i.ItemName, i.DepartmentCode, i.DepartmentName,
        i.StageNo, i.FlowType, i.StatusCode, i.LimitWorkingDays, i.AcceptedAt, i.ConcludedAt, i.Deadline, i.UsedWorkingDays,
        i.CorrectionWorkingDays, i.SpecialWorkingDays, i.CorrectionCount, i.State.ToString(), i.State.ChineseName(), i.HandlerName, i.Pauses);
}

public sealed record NoticeDto(Guid Id, string Kind, string? Note, string? By, int RecipientCount, DateTimeOffset RaisedAt);

public sealed record ItemClockDetailDto(ItemClockDto Clock, IReadOnlyList<NoticeDto> Notices);

public sealed record ItemPageDto(int Total, IReadOnlyList<ItemClockDto> Items);

public sealed record UrgeRequest(string? Note);

public sealed record StageClockDto(Guid ApplicationId, int StageNo, string? FlowType, int LimitWorkingDays, DateTimeOffset AcceptedAt,
    DateTimeOffset? ConcludedAt, int UsedWorkingDays);

public sealed record ProjectTotalDto(ProjectTotal Total, bool OverTarget, IReadOnlyList<StageClockDto> Stages);

/// <summary>The public page's row: a department's on-time rate and its items' ratings (average level, 1 best), with no case or personal data.</summary>
public sealed record PublicDepartmentDto(string DepartmentCode, string DepartmentName, int Concluded, double OnTimeRate, int Ratings = 0,
    double? AverageRating = null);
