using Approval.Supervision.Domain;

namespace Approval.Supervision.Api;

/// <summary>The filters of the figures and the case list, as the query string gives them.</summary>
public sealed record FigureQuery(
    string? GroupBy, DateOnly? From, DateOnly? To, string? DepartmentCode, string? ItemCode, int? StageNo, string? FlowType, string? State,
    string? ProjectCode = null);

/// <summary>
/// The filters checked and bound to the caller's scope: a period of at most the configured maximum (a longer one is
/// refused naming the limit), and a department lead always within their own department.
/// </summary>
public sealed record FigureFilter(
    string RegionCode, FigureGrouping GroupBy, DateOnly From, DateOnly To, string? DepartmentCode, string? ItemCode, int? StageNo, string? FlowType,
    string? ProjectCode = null)
{
    public static FigureFilter Of(FigureQuery q, SupervisionScope scope, DateOnly today, int maxPeriodDays)
    {
        var errors = new FieldErrors();
        var to = q.To ?? today;
        // A project's figures default to the longest period allowed (its cases may go back months); others to the last 30 days.
        var from = q.From ?? to.AddDays(string.IsNullOrWhiteSpace(q.ProjectCode) ? -29 : 1 - maxPeriodDays);
        errors.Require(from <= to, "from", "must not be after to", "开始日期不能晚于结束日期");
        errors.Require(to.DayNumber - from.DayNumber + 1 <= maxPeriodDays, "to",
            $"the period may be at most {maxPeriodDays} days", $"统计期间最长{maxPeriodDays}天");
        FigureGrouping grouping = FigureGrouping.Department;
        errors.Require(q.GroupBy is null || Enum.TryParse(q.GroupBy, ignoreCase: true, out grouping), "groupBy",
            "must be department, item, stage or flowType", "须为 department、item、stage 或 flowType");
        errors.Require(scope.DepartmentCode is null || q.DepartmentCode is null || q.DepartmentCode == scope.DepartmentCode, "departmentCode",
            "a department lead sees only their own department", "部门负责人只能查看本部门");
        errors.ThrowIfAny();
        return new FigureFilter(scope.RegionCode, grouping, from, to, scope.DepartmentCode ?? Blank(q.DepartmentCode), Blank(q.ItemCode), q.StageNo,
            Blank(q.FlowType), Blank(q.ProjectCode));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>Whose figures a caller sees: the region for supervisors and administrators, one department for its lead.</summary>
public sealed record SupervisionScope(string RegionCode, string? DepartmentCode)
{
    public const string Readers = "supervision-readers";

    public static SupervisionScope Of(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.RegionAdmin)
            ? new(user.RegionCode() ?? "", null)
            : new(user.RegionCode() ?? "", user.OrganisationCode() ?? "-");

    public bool Sees(string regionCode, string departmentCode) =>
        regionCode == RegionCode && (DepartmentCode is null || DepartmentCode == departmentCode);
}
