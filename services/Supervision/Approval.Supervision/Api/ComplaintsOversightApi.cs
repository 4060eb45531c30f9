using Approval.ServiceDefaults.Region;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;
using Microsoft.Extensions.Options;

namespace Approval.Supervision.Api;

/// <summary>
/// 建议投诉 under supervision: the region's list with filters and the counts per department (supervisors and region
/// administrators see the region, a department lead their department), and the anonymous public list of answered ones
/// with personal data removed.
/// </summary>
public static class ComplaintsOversightApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var read = api.MapGroup("/complaints").RequireAuthorization(SupervisionScope.Readers)
            .AddEndpointFilter<LeadDirectoryFilter>().AddEndpointFilter<SupervisorDirectoryFilter>();
        read.MapGet("", List).WithSummary("The region's suggestions and complaints, by state, department, overdue / 建议投诉督查列表");
        read.MapGet("/figures", Figures).WithSummary("Received, answered and overdue per department / 各部门建议投诉统计");
        api.MapGet("/public/complaints", Public).AllowAnonymous()
            .WithSummary("Public: answered suggestions and complaints, personal data removed / 政务公开：已答复的建议投诉（已脱敏）");
        api.MapGet("/public/complaint-departments", (DeploymentRegion region) => TypedResults.Ok(region.Departments.Where(d => d.IsDepartment)
                .Select(d => new ComplaintDepartmentDto(d.Code, d.Name)).ToList()))
            .AllowAnonymous().WithSummary("Public: the departments a suggestion or complaint may be about / 可建议投诉的部门");
    }

    /// <summary>state=open|answered (else 400 naming state).</summary>
    public static IQueryable<Complaint> ByState(IQueryable<Complaint> list, string? state) => state switch
    {
        null or "" => list,
        "open" => list.Where(c => c.AnsweredAt == null),
        "answered" => list.Where(c => c.AnsweredAt != null),
        _ => throw ValidationException.For("state", "must be open or answered", "须为 open（待答复）或 answered（已答复）"),
    };

    private static async Task<Ok<ComplaintPageDto>> List(string? state, string? departmentCode, bool? overdue, int? skip, int? take, ClaimsPrincipal user,
        SupervisionDbContext db, SupervisionToday today, CancellationToken ct)
    {
        var scope = SupervisionScope.Of(user);
        var errors = new FieldErrors();
        errors.Require(scope.DepartmentCode is null || departmentCode is null || departmentCode == scope.DepartmentCode, "departmentCode",
            "a department lead sees only their own department", "部门负责人只能查看本部门");
        errors.Require(take is null or (> 0 and <= 200), "take", "must be 1–200", "须为1至200");
        errors.Require(skip is null or >= 0, "skip", "must not be negative", "不能为负数");
        errors.ThrowIfAny();
        var list = InScope(db, scope, departmentCode);
        list = ByState(list, state);
        var date = today.Date;
        if (overdue is { } late)
            list = late
                ? list.Where(c => c.AnsweredDate != null ? c.AnsweredDate > c.Deadline : c.Deadline < date)
                : list.Where(c => c.AnsweredDate != null ? c.AnsweredDate <= c.Deadline : c.Deadline >= date);
        var page = await list.OrderByDescending(c => c.SubmittedAt).Skip(skip ?? 0).Take(take ?? 50).ToListAsync(ct);
        return TypedResults.Ok(new ComplaintPageDto(await list.CountAsync(ct), page.Select(c => ComplaintDto.Of(c, date)).ToList()));
    }

    private static async Task<Ok<List<ComplaintFigureDto>>> Figures(DateOnly? from, DateOnly? to, ClaimsPrincipal user, SupervisionDbContext db,
        SupervisionToday today, DeploymentRegion region, IOptions<SupervisionOptions> options, CancellationToken ct)
    {
        var date = today.Date;
        var (last, maxDays) = (to ?? date, options.Value.MaxPeriodDays);
        var first = from ?? last.AddDays(1 - maxDays);
        var errors = new FieldErrors();
        errors.Require(first <= last, "from", "must not be after to", "开始日期不能晚于结束日期");
        errors.Require(last.DayNumber - first.DayNumber + 1 <= maxDays, "to", $"the period may be at most {maxDays} days", $"统计期间最长{maxDays}天");
        errors.ThrowIfAny();
        var rows = await InScope(db, SupervisionScope.Of(user), null).Where(c => c.SubmittedDate >= first && c.SubmittedDate <= last)
            .GroupBy(c => c.DepartmentCode)
            .Select(g => new
            {
                Department = g.Key,
                Received = g.Count(),
                Answered = g.Count(c => c.AnsweredAt != null),
                Overdue = g.Count(c => c.AnsweredDate != null ? c.AnsweredDate > c.Deadline : c.Deadline < date),
            }).ToListAsync(ct);
        return TypedResults.Ok(rows.OrderBy(r => r.Department, StringComparer.Ordinal)
            .Select(r => new ComplaintFigureDto(r.Department, region.Department(r.Department)?.Name ?? r.Department, r.Received, r.Answered, r.Overdue))
            .ToList());
    }

    private static async Task<Ok<PublicComplaintPageDto>> Public(string? departmentCode, int? skip, int? take, SupervisionDbContext db,
        DeploymentRegion region, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Require(take is null or (> 0 and <= 100), "take", "must be 1–100", "须为1至100");
        errors.Require(skip is null or >= 0, "skip", "must not be negative", "不能为负数");
        errors.ThrowIfAny();
        var list = db.Complaints.AsNoTracking().Where(c => c.RegionCode == region.Code && c.AnsweredAt != null);
        if (!string.IsNullOrWhiteSpace(departmentCode)) list = list.Where(c => c.DepartmentCode == departmentCode);
        var page = await list.OrderByDescending(c => c.AnsweredAt).Skip(skip ?? 0).Take(take ?? 20).ToListAsync(ct);
        return TypedResults.Ok(new PublicComplaintPageDto(await list.CountAsync(ct), page.Select(PublicComplaintDto.Of).ToList()));
    }

    private static IQueryable<Complaint> InScope(SupervisionDbContext db, SupervisionScope scope, string? departmentCode)
    {
        var list = db.Complaints.AsNoTracking().Where(c => c.RegionCode == scope.RegionCode);
        var department = scope.DepartmentCode ?? (string.IsNullOrWhiteSpace(departmentCode) ? null : departmentCode.Trim());
        return department is null ? list : list.Where(c => c.DepartmentCode == department);
    }
}
