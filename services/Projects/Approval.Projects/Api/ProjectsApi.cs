using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Projects.Data;
using Approval.Projects.Domain;
using Approval.ServiceDefaults.Region;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Approval.Projects.Api;

/// <summary>Projects with their investment project codes and generated engineering codes, and the stage-form prefill .</summary>
public static class ProjectsApi
{
    /// <summary>Staff who may read every project of their region; an applicant reads only their own.</summary>
    private static readonly string[] Readers = [Roles.Window, Roles.Department, Roles.DepartmentLead, Roles.Supervisor, Roles.RegionAdmin];

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects").WithTags("Projects").RequireAuthorization();
        api.MapPost("/", Register).RequireAuthorization(Roles.Applicant).WithSummary("Register a project with its investment project code / 登记项目（项目代码）");
        api.MapGet("/", List).WithSummary("The caller's projects (staff: the region's) / 我的项目");
        api.MapGet("/{projectCode}", Get).WithSummary("One project with its engineering codes / 项目详情及工程代码");
        api.MapPut("/{projectCode}", Update).RequireAuthorization(Roles.Applicant)
            .WithSummary("Correct a project's basic information / 修改项目基本信息");
        api.MapPost("/{projectCode}/engineering-codes", Issue).RequireAuthorization(Roles.Applicant)
            .WithSummary("Generate the engineering code of the next phase or batch / 生成工程代码（分期/分批）");
        api.MapGet("/engineering/{engineeringCode}", Prefill).WithSummary("Project data a stage form prefills from / 按工程代码取表单预填数据");
    }

    private static async Task<Created<ProjectDto>> Register(
        RegisterProjectRequest r, ClaimsPrincipal user, ProjectsDbContext db, DeploymentRegion region, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var project = Project.Register(r.ToRegistration(), region.Code, user.UserId(), user.DisplayName(), clock.GetUtcNow());
        if (await db.Projects.AnyAsync(p => p.Code == project.Code, ct)) throw ProjectRuleException.Duplicate(project.Code);
        db.Projects.Add(project);
        db.AddOutboxEvent(new ProjectRegistered(project.Code, project.RegionCode, project.Name, project.OwnerId, project.OwnerName,
            project.Address, project.DivisionCode, project.Longitude, project.Latitude, project.TotalInvestment, project.ProjectType,
            project.ConstructionNature, project.RegisteredAt, project.PlannedStart, project.PlannedEnd), project.Code, clock);
        audit.Add(AuditActions.StateChange, "project", project.Code, "登记项目", project.RegionCode);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw ProjectRuleException.Duplicate(project.Code); // a concurrent registration of the same code won
        }
        return TypedResults.Created($"/api/projects/{project.Code}", ProjectDto.From(project, []));
    }

    private static async Task<Ok<List<ProjectDto>>> List(ClaimsPrincipal user, ProjectsDbContext db, CancellationToken ct)
    {
        var userId = user.UserId();
        var region = user.RegionCode();
        var query = db.Projects.AsNoTracking();
        query = IsStaffReader(user) ? query.Where(p => p.RegionCode == region) : query.Where(p => p.OwnerId == userId);
        var projects = await query.OrderByDescending(p => p.RegisteredAt).Take(200).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var codes = await db.Engineerings.AsNoTracking().Where(e => ids.Contains(e.ProjectId)).ToListAsync(ct);
        return TypedResults.Ok(projects.Select(p => ProjectDto.From(p, codes.Where(c => c.ProjectId == p.Id))).ToList());
    }

    private static async Task<Ok<ProjectDto>> Get(string projectCode, ClaimsPrincipal user, ProjectsDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Code == projectCode, ct);
        await EnsureReadableAsync(project, projectCode, user, audit, ct);
        var codes = await db.Engineerings.AsNoTracking().Where(e => e.ProjectId == project!.Id).ToListAsync(ct);
        return TypedResults.Ok(ProjectDto.From(project!, codes));
    }

    /// <summary>
    /// The project row is locked (FOR UPDATE) while the next phase number is taken, so concurrent requests queue and each
    /// gets its own number; the unique indexes on the code and (project, phase) stand behind it.
    /// </summary>
    private static async Task<Created<EngineeringDto>> Issue(
        string projectCode, IssueEngineeringCodeRequest r, ClaimsPrincipal user, ProjectsDbContext db, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var project = await LockOwnedAsync(projectCode, user, db, tx, audit, ct);
        var issued = await db.Engineerings.Where(e => e.ProjectId == project.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var engineering = project.IssueEngineeringCode(r.Name, r.PreviousEngineeringCode?.Trim(), issued, now);
        db.Engineerings.Add(engineering);
        db.AddOutboxEvent(new EngineeringCodeIssued(engineering.Code, project.Code, project.RegionCode, engineering.Name, engineering.PhaseNo,
            engineering.PreviousCode, project.OwnerId, now), project.Code, clock);
        audit.Add(AuditActions.StateChange, "engineering-code", engineering.Code, "生成工程代码", project.RegionCode);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/projects/engineering/{engineering.Code}", EngineeringDto.From(engineering));
    }

    /// <summary>
    /// The owner corrects the basic information (the registration's checks); the code and owner never change. The row is
    /// locked like <see cref="Issue"/>, so a correction and a new engineering code do not overwrite each other.
    /// </summary>
    private static async Task<Ok<ProjectDto>> Update(
        string projectCode, UpdateProjectRequest r, ClaimsPrincipal user, ProjectsDbContext db, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var project = await LockOwnedAsync(projectCode, user, db, tx, audit, ct);
        project.Correct(r.ToDetails());
        var now = clock.GetUtcNow();
        db.AddOutboxEvent(new ProjectUpdated(project.Code, project.RegionCode, project.Name, project.Address, project.DivisionCode,
            project.Longitude, project.Latitude, project.TotalInvestment, project.ProjectType, project.ConstructionNature,
            project.PlannedStart, project.PlannedEnd, user.DisplayName(), now), project.Code, clock);
        audit.Add(AuditActions.StateChange, "project", project.Code, "修改项目基本信息", project.RegionCode);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var codes = await db.Engineerings.AsNoTracking().Where(e => e.ProjectId == project.Id).ToListAsync(ct);
        return TypedResults.Ok(ProjectDto.From(project, codes));
    }

    /// <summary>
    /// Locks the project row (FOR UPDATE) inside <paramref name="tx"/> for its owner. Anyone else — another applicant, a
    /// project of another region — gets 404 and the denial is audited (after the lock is released), not a hint that it exists.
    /// </summary>
    private static async Task<Project> LockOwnedAsync(
        string projectCode, ClaimsPrincipal user, ProjectsDbContext db, IDbContextTransaction tx, IAuditLog audit, CancellationToken ct)
    {
        var project = (await db.Projects.FromSql($"""SELECT *, xmin FROM projects WHERE "Code" = {projectCode} FOR UPDATE""").ToListAsync(ct)).SingleOrDefault();
        if (project is not null && project.OwnerId == user.UserId()) return project;
        await tx.CommitAsync(ct); // releases the lock; the denial below is audited in its own commit
        if (project is not null) await audit.DenyAsync("project", projectCode, "not the owner", ct, project.RegionCode);
        throw new NotFoundException("Project 项目", projectCode);
    }

    private static async Task<Ok<PrefillDto>> Prefill(string engineeringCode, ClaimsPrincipal user, ProjectsDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var engineering = await db.Engineerings.AsNoTracking().FirstOrDefaultAsync(e => e.Code == engineeringCode, ct)
            ?? throw new NotFoundException("Engineering code 工程代码", engineeringCode);
        var project = await db.Projects.AsNoTracking().FirstAsync(p => p.Id == engineering.ProjectId, ct);
        await EnsureReadableAsync(project, project.Code, user, audit, ct);
        return TypedResults.Ok(PrefillDto.From(project, engineering));
    }

    private static bool IsStaffReader(ClaimsPrincipal user) => Readers.Any(user.IsInRole);

    /// <summary>The owner, or staff of the project's region, may read it; anyone else gets 404 (audited), not a hint that it exists.</summary>
    private static async Task EnsureReadableAsync(Project? project, string code, ClaimsPrincipal user, IAuditLog audit, CancellationToken ct)
    {
        if (project is null) throw new NotFoundException("Project 项目", code);
        if (project.OwnerId == user.UserId() || (IsStaffReader(user) && user.InRegion(project.RegionCode))) return;
        await audit.DenyAsync("project", project.Code, "neither the owner nor staff of its region", ct, project.RegionCode);
        throw new NotFoundException("Project 项目", code);
    }
}
