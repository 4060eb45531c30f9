using Approval.Contracts.Events;
using Approval.Exchange.Data;
using Approval.Exchange.Domain;
using Microsoft.Extensions.Options;

namespace Approval.Exchange.Consumers;

/// <summary>审批流程 published: the flow, its stages and their items (SPGL_DFXMSPLC*).</summary>
public sealed class FlowPublishedConsumer(ExchangeDbContext db, IOptions<ExchangeOptions> options, TimeProvider clock, ILogger<FlowPublishedConsumer> log)
    : ExchangeConsumer<CatalogFlowPublished>(db, clock, log)
{
    protected override async Task MapAsync(CatalogFlowPublished m, CancellationToken ct)
    {
        foreach (var row in RowBuilder.Flow(m, options.Value.FlowTypeCode(m.FlowType))) await StageAsync(row, m.RegionCode, ct);
    }
}

/// <summary>登记 and 修改: keeps the project and rebuilds its rows, one per engineering code (a correction re-sends them).</summary>
public sealed class ProjectRegisteredConsumer(ExchangeDbContext db, IOptions<ExchangeOptions> options, TimeProvider clock, ILogger<ProjectRegisteredConsumer> log)
    : ExchangeConsumer<ProjectRegistered>(db, clock, log)
{
    protected override async Task MapAsync(ProjectRegistered m, CancellationToken ct)
    {
        await ProjectRows.LockAsync(Db, m.ProjectCode, ct);
        var project = await Db.Projects.FindAsync([m.ProjectCode], ct);
        if (project is null) Db.Projects.Add(project = new ProjectRecord { Code = m.ProjectCode, RegionCode = m.RegionCode, Name = m.ProjectName, Address = m.Address, DivisionCode = m.DivisionCode });
        project.Describe(m.ProjectName, m.Address, m.DivisionCode, m.Longitude, m.Latitude, m.TotalInvestment, m.ProjectType, m.ConstructionNature,
            m.PlannedStart, m.PlannedEnd);
        (project.RegionCode, project.OwnerName, project.RegisteredAt) = (m.RegionCode, m.OwnerName, m.RegisteredAt.ToUniversalTime());
        await ProjectRows.RebuildAsync(Db, project, options.Value, Now, ct);
    }
}

public sealed class ProjectUpdatedConsumer(ExchangeDbContext db, IOptions<ExchangeOptions> options, TimeProvider clock, ILogger<ProjectUpdatedConsumer> log)
    : ExchangeConsumer<ProjectUpdated>(db, clock, log)
{
    protected override async Task MapAsync(ProjectUpdated m, CancellationToken ct)
    {
        await ProjectRows.LockAsync(Db, m.ProjectCode, ct);
        var project = await Db.Projects.FindAsync([m.ProjectCode], ct)
            ?? throw new InvalidOperationException($"project {m.ProjectCode} not registered here yet; retried until ProjectRegistered arrives");
        project.Describe(m.ProjectName, m.Address, m.DivisionCode, m.Longitude, m.Latitude, m.TotalInvestment, m.ProjectType, m.ConstructionNature,
            m.PlannedStart, m.PlannedEnd);
        await ProjectRows.RebuildAsync(Db, project, options.Value, Now, ct);
    }
}

/// <summary>
/// 工程代码 generated: kept, and the project table's row for it built once the project is known. Either order works: a
/// registration that comes later rebuilds the rows of every code of its project, so this never waits on retries. The flow
/// of an application accepted under the code before it arrived is taken too.
/// </summary>
public sealed class EngineeringCodeIssuedConsumer(ExchangeDbContext db, IOptions<ExchangeOptions> options, TimeProvider clock, ILogger<EngineeringCodeIssuedConsumer> log)
    : ExchangeConsumer<EngineeringCodeIssued>(db, clock, log)
{
    protected override async Task MapAsync(EngineeringCodeIssued m, CancellationToken ct)
    {
        await ProjectRows.LockAsync(Db, m.ProjectCode, ct);
        if (await Db.Engineerings.FindAsync([m.EngineeringCode], ct) is null)
        {
            var accepted = await Db.Cases.Where(c => c.EngineeringCode == m.EngineeringCode && c.FlowCode != null)
                .OrderBy(c => c.AcceptedAt).FirstOrDefaultAsync(ct);
            Db.Engineerings.Add(new EngineeringRecord
            {
                Code = m.EngineeringCode, ProjectCode = m.ProjectCode, RegionCode = m.RegionCode, Name = m.EngineeringName, PhaseNo = m.PhaseNo,
                PreviousCode = m.PreviousEngineeringCode, IssuedAt = m.IssuedAt.ToUniversalTime(),
                FlowCode = accepted?.FlowCode, FlowVersion = accepted?.FlowVersion,
            });
        }
        if (await Db.Projects.FindAsync([m.ProjectCode], ct) is { } project) await ProjectRows.RebuildAsync(Db, project, options.Value, Now, ct);
    }
}

internal static class ProjectRows
{
    /// <summary>
    /// One project's events one at a time (a lock held until the consumer's transaction ends): a registration and its first
    /// engineering code arrive together, and each, run beside the other, would miss the other's uncommitted record and
    /// build no row at all. After the wait the later one reads what the earlier committed (read committed).
    /// </summary>
    public static Task LockAsync(ExchangeDbContext db, string projectCode, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"exchange-project:" + projectCode}))", ct);

    public static async Task RebuildAsync(ExchangeDbContext db, ProjectRecord project, ExchangeOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var stored = await db.Engineerings.Where(e => e.ProjectCode == project.Code).ToListAsync(ct);
        // Materialised first: staging a row changes what the context tracks, which a lazy walk of Local would trip over.
        var engineerings = stored.Concat(db.Engineerings.Local.Where(e => e.ProjectCode == project.Code)).DistinctBy(e => e.Code).ToList();
        foreach (var e in engineerings)
            await db.StageAsync(RowBuilder.Project(project, e, options.FlowTypeCode(e.FlowType)), project.RegionCode, now, ct);
    }
}
