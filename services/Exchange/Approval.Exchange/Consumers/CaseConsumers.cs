using Approval.Contracts.Events;
using Approval.Exchange.Data;
using Approval.Exchange.Domain;
using Approval.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Approval.Exchange.Consumers;

/// <summary>接件: the channel (受理方式 of the item instances: online → 4 全流程网上办理, else 1 窗口受理).</summary>
public sealed class ApplicationReceivedConsumer(ExchangeDbContext db, TimeProvider clock, ILogger<ApplicationReceivedConsumer> log)
    : ExchangeConsumer<ApplicationReceived>(db, clock, log)
{
    protected override async Task MapAsync(ApplicationReceived m, CancellationToken ct)
    {
        var record = await Db.CaseAsync(m.ApplicationId, m.RegionCode, m.ProjectCode, ct);
        record.Channel = m.Channel;
    }
}

/// <summary>
/// 受理: keeps the items for their instance rows, the flow the engineering code runs under (the project row's 审批流程) and the
/// applicant as the project's 建设单位. Without an engineering code named (stage 1) the project's first one is taken.
/// </summary>
public sealed class ApplicationAcceptedConsumer(ExchangeDbContext db, IOptions<ExchangeOptions> options, TimeProvider clock, ILogger<ApplicationAcceptedConsumer> log)
    : ExchangeConsumer<ApplicationAccepted>(db, clock, log)
{
    protected override async Task MapAsync(ApplicationAccepted m, CancellationToken ct)
    {
        var record = await Db.CaseAsync(m.ApplicationId, m.RegionCode, m.ProjectCode, ct);
        var engineering = m.EngineeringCode is { } code
            ? await Db.Engineerings.FindAsync([code], ct)
            : await Db.Engineerings.Where(e => e.ProjectCode == m.ProjectCode).OrderBy(e => e.PhaseNo).FirstOrDefaultAsync(ct);
        (record.EngineeringCode, record.FlowCode, record.FlowVersion, record.AcceptedAt) = (m.EngineeringCode ?? engineering?.Code, m.FlowCode, m.FlowVersion, m.AcceptedAt.ToUniversalTime());
        record.Items = [.. m.Items.Select(i => new CaseItem(i.ItemCode, i.ItemVersion, i.DepartmentCode, i.DepartmentName, i.TimeLimitWorkingDays))];
        if (engineering is not null && m.FlowCode is not null && (engineering.FlowCode, engineering.FlowVersion) != (m.FlowCode, m.FlowVersion))
        {
            (engineering.FlowCode, engineering.FlowVersion, engineering.FlowType) = (m.FlowCode, m.FlowVersion, m.FlowType);
            if (await Db.Projects.FindAsync([m.ProjectCode], ct) is { } project)
                await Db.StageAsync(RowBuilder.Project(project, engineering, options.Value.FlowTypeCode(m.FlowType)), m.RegionCode, Now, ct);
        }
        if (record.EngineeringCode is { } gcdm && !string.IsNullOrWhiteSpace(m.ApplicantNumber))
            await StageAsync(RowBuilder.Unit(m.ProjectCode, gcdm, m.ApplicantNumber, m.ApplicantName), m.RegionCode, ct);
    }
}

/// <summary>
/// Every status change: the item instance's row on first sight, one detail row per change (办理状态 as DOMAIN.md codes it),
/// and a special-procedure row when one starts (9). Needs the accepted application; retried until it is here.
/// </summary>
public sealed class ItemStatusChangedConsumer(ExchangeDbContext db, TimeProvider clock, ILogger<ItemStatusChangedConsumer> log)
    : ExchangeConsumer<ItemInstanceStatusChanged>(db, clock, log)
{
    protected override async Task MapAsync(ItemInstanceStatusChanged m, CancellationToken ct)
    {
        var record = await Db.Cases.FindAsync([m.ApplicationId], ct);
        var item = record?.Items.FirstOrDefault(i => i.ItemCode == m.ItemCode);
        if (record is null || item is null)
            throw new InvalidOperationException($"item {m.ItemCode} of application {m.ApplicationId} not accepted here yet; retried until ApplicationAccepted arrives");
        await StageAsync(RowBuilder.ItemInstance(record, item, m.ItemInstanceId, record.EngineeringCode), record.RegionCode, ct);
        await StageAsync(RowBuilder.Detail(m, record.EngineeringCode), record.RegionCode, ct);
        if (m.StatusCode == 9) await StageAsync(RowBuilder.SpecialProcedure(m, record.EngineeringCode), record.RegionCode, ct);
    }
}

/// <summary>An application's case record, created by whichever of its 接件 and 受理 comes first (taken in parallel, both may come at once).</summary>
public static class CaseRecords
{
    public static Task<CaseRecord> CaseAsync(this ExchangeDbContext db, Guid applicationId, string regionCode, string projectCode, CancellationToken ct) =>
        db.Database.FindOrCreateAsync($"cases:{applicationId}", async () => await db.Cases.FindAsync([applicationId], ct),
            () => db.Cases.Add(new CaseRecord { ApplicationId = applicationId, RegionCode = regionCode, ProjectCode = projectCode }).Entity, ct);
}
