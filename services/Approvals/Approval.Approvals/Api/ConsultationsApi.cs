using Approval.Approvals.Data;

namespace Approval.Approvals.Api;

/// <summary>
/// The department's 会商 list: the consultations its department opened (牵头) or was invited to answer, in its
/// region, with the stage and project they concern; each is acted on through its stage (<see cref="StagesApi"/>).
/// </summary>
public static class ConsultationsApi
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/approvals/consultations", List).WithTags("Stage instances").RequireAuthorization(Roles.Department)
            .WithSummary("Consultations my department opened or is invited to, ?open=true for the unconcluded ones / 本部门会商");

    /// <summary>One consultation in the list: <see cref="Lead"/> when the caller's department opened it, otherwise it was invited.</summary>
    public sealed record DepartmentConsultationDto(
        StagesApi.ConsultationDto Consultation, Guid StageId, Guid ApplicationId, int StageNo, string ProjectCode, string ProjectName,
        bool Lead, bool Answered, IReadOnlyDictionary<string, string> DepartmentNames);

    private static async Task<Ok<List<DepartmentConsultationDto>>> List(bool? open, ClaimsPrincipal user, ApprovalsDbContext db, CancellationToken ct)
    {
        var (department, region) = (user.OrganisationCode() ?? "", user.RegionCode());
        var query = from c in db.Consultations.AsNoTracking()
                    join s in db.Stages.AsNoTracking() on c.StageInstanceId equals s.Id
                    where s.RegionCode == region && (c.OpenedBy == department || c.InvitedDepartments.Contains(department))
                    select new { Consultation = c, s.ApplicationId, s.StageNo, s.ProjectCode };
        if (open is not null) query = query.Where(r => (r.Consultation.ConcludedAt == null) == open);
        var rows = await query.OrderByDescending(r => r.Consultation.OpenedAt).Take(200).ToListAsync(ct);
        var stageIds = rows.Select(r => r.Consultation.StageInstanceId).Distinct().ToList();
        var items = await db.Items.AsNoTracking().Where(i => stageIds.Contains(i.StageInstanceId))
            .Select(i => new { i.StageInstanceId, i.ProjectName, i.DepartmentCode, i.DepartmentName }).ToListAsync(ct);
        var names = items.GroupBy(i => i.DepartmentCode).ToDictionary(g => g.Key, g => g.First().DepartmentName);
        return TypedResults.Ok(rows.Select(r =>
        {
            var c = r.Consultation;
            var stageNames = c.InvitedDepartments.Append(c.OpenedBy).Distinct().ToDictionary(d => d, d => names.GetValueOrDefault(d, d));
            return new DepartmentConsultationDto(StagesApi.ToDto(c), c.StageInstanceId, r.ApplicationId, r.StageNo, r.ProjectCode,
                items.FirstOrDefault(i => i.StageInstanceId == c.StageInstanceId)?.ProjectName ?? r.ProjectCode,
                c.OpenedBy == department, c.Answers.Any(a => a.Department == department), stageNames);
        }).ToList());
    }
}
