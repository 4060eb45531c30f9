using Approval.Intake.Clients;
using Approval.Intake.Data;

namespace Approval.Intake.Api;

/// <summary>
/// Early sight of designs: a utility reads the design materials of a project — the materials attached to its
/// stage-2 (工程建设许可: 设计方案, drawings) applications and, once they exist, the technical review results delivered for
/// it (施工图审查合格书, Reviews) — only while the project has a connection application to that utility, which Utilities
/// confirms for the caller's token. Granted and refused reads are audited; a refusal is 404.
/// </summary>
public static class DesignMaterialsApi
{
    /// <summary>The stages whose materials are the project's designs: 工程建设许可 (设计方案审查, 规划许可).</summary>
    public static readonly int[] DesignStages = [2];

    /// <summary>The source prefix of materials Reviews delivered (a review's sealed result).</summary>
    public const string ReviewSource = "reviews:";

    /// <summary>The stage name shown for a review result, which belongs to no application.</summary>
    public const string ReviewResultStage = "技术审查结果";

    public sealed record DesignMaterialDto(Guid? ApplicationId, string StageName, string Name, Guid MaterialId, string FileName, string ContentType,
        long Size, string Sha256, DateTimeOffset AttachedAt);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/intake/projects/{projectCode}/design-materials", List).WithTags("Materials").RequireAuthorization(Roles.Utility)
            .WithSummary("A project's design materials for a utility it applied to (download each by its materialId) / 市政公用服务单位查阅项目设计方案");

    private static async Task<Ok<List<DesignMaterialDto>>> List(string projectCode, HttpContext http, ClaimsPrincipal user, IntakeDbContext db,
        UtilitiesClient utilities, IAuditLog audit, CancellationToken ct)
    {
        await EnsureAppliedAsync(projectCode, http, user, utilities, audit, ct);
        var region = user.RegionCode();
        var list = await (
            from a in db.Applications.AsNoTracking()
            where a.ProjectCode == projectCode && a.RegionCode == region && DesignStages.Contains(a.StageNo)
            join m in db.AttachedMaterials.AsNoTracking() on a.Id equals m.ApplicationId
            join f in db.Materials.AsNoTracking() on m.MaterialId equals f.Id
            orderby m.AttachedAt
            select new DesignMaterialDto(a.Id, a.StageName, m.Name, f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, m.AttachedAt)).Take(500).ToListAsync(ct);
        list.AddRange(await db.Materials.AsNoTracking()
            .Where(f => f.ProjectCode == projectCode && f.RegionCode == region && f.Source!.StartsWith(ReviewSource))
            .OrderBy(f => f.UploadedAt).Take(100)
            .Select(f => new DesignMaterialDto(null, ReviewResultStage, f.DeliveredName!, f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, f.UploadedAt))
            .ToListAsync(ct));
        await audit.RecordAsync("read", "project", projectCode, $"design materials read by utility {user.OrganisationCode()} ({list.Count})", region, user, ct);
        return TypedResults.Ok(list);
    }

    /// <summary>Whether a utility may download a material: it is attached to a design-stage application of a project that applied to the utility,
    /// or it is a review result delivered for such a project.</summary>
    public static async Task<bool> UtilityMayReadAsync(Guid materialId, HttpContext http, ClaimsPrincipal user, IntakeDbContext db, UtilitiesClient utilities,
        CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Utility)) return false;
        var region = user.RegionCode();
        var projects = await (
            from m in db.AttachedMaterials.AsNoTracking()
            where m.MaterialId == materialId
            join a in db.Applications.AsNoTracking() on m.ApplicationId equals a.Id
            where a.RegionCode == region && DesignStages.Contains(a.StageNo)
            select a.ProjectCode).Distinct().ToListAsync(ct);
        var reviewed = await db.Materials.AsNoTracking()
            .Where(f => f.Id == materialId && f.RegionCode == region && f.Source!.StartsWith(ReviewSource) && f.ProjectCode != null)
            .Select(f => f.ProjectCode!).FirstOrDefaultAsync(ct);
        if (reviewed is not null && !projects.Contains(reviewed)) projects.Add(reviewed);
        foreach (var project in projects)
            if (await utilities.HasApplicationAsync(project, http.Request.Headers, ct)) return true;
        return false;
    }

    private static async Task EnsureAppliedAsync(string projectCode, HttpContext http, ClaimsPrincipal user, UtilitiesClient utilities, IAuditLog audit, CancellationToken ct)
    {
        if (await utilities.HasApplicationAsync(projectCode, http.Request.Headers, ct)) return;
        await audit.DenyAsync("project", projectCode, $"no utility application to {user.OrganisationCode()}", ct, user.RegionCode());
        throw new NotFoundException("Project 项目", projectCode);
    }
}
