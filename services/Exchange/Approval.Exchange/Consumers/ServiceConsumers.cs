using Approval.Contracts.Events;
using Approval.Exchange.Data;
using Approval.Exchange.Domain;
using static Approval.Exchange.Domain.SpglFormat;

namespace Approval.Exchange.Consumers;

// 技术审查 (Reviews): the review's row at its commission, completed at its conclusion.
public sealed class ReviewCommissionedConsumer(ExchangeDbContext db, TimeProvider clock, ILogger<ReviewCommissionedConsumer> log)
    : ExchangeConsumer<ReviewCommissioned>(db, clock, log)
{
    protected override Task MapAsync(ReviewCommissioned m, CancellationToken ct) => StageAsync(RowBuilder.Review(m), m.RegionCode, ct);
}

public sealed class ReviewConcludedConsumer(ExchangeDbContext db, TimeProvider clock, ILogger<ReviewConcludedConsumer> log)
    : ExchangeConsumer<ReviewConcluded>(db, clock, log)
{
    protected override Task MapAsync(ReviewConcluded m, CancellationToken ct) => UpdateAsync(SpglTables.Review, Key(m.ReviewId), v =>
    {
        (v["SCJL"], v["SCJLMC"], v["SFHG"]) = (m.Conclusion, m.ConclusionName, Flag(m.Passed));
        (v["SCHGSBH"], v["SCWCSJ"]) = (m.SealCode, Time(m.ConcludedAt));
    }, ct);
}

// 中介服务 (Marketplace): the commission's row at the selection, its steps as process rows.
public sealed class AgencySelectedConsumer(ExchangeDbContext db, TimeProvider clock, ILogger<AgencySelectedConsumer> log)
    : ExchangeConsumer<AgencySelected>(db, clock, log)
{
    protected override async Task MapAsync(AgencySelected m, CancellationToken ct)
    {
        var owner = (await Db.Projects.FindAsync([m.ProjectCode], ct))?.OwnerName ?? m.OwnerId;
        await StageAsync(RowBuilder.Intermediary(m, owner), m.RegionCode, ct);
        await StageAsync(RowBuilder.IntermediaryStep(m.CommissionId, m.ProjectCode, "选取", owner, $"{m.Method}：{m.AgencyName}", m.SelectedAt), m.RegionCode, ct);
    }
}

public sealed class CommissionAcceptedConsumer(ExchangeDbContext db, TimeProvider clock, ILogger<CommissionAcceptedConsumer> log)
    : ExchangeConsumer<CommissionAccepted>(db, clock, log)
{
    protected override async Task MapAsync(CommissionAccepted m, CancellationToken ct)
    {
        await UpdateAsync(SpglTables.Intermediary, Key(m.CommissionId), v => v["JSWTSJ"] = Time(m.AcceptedAt), ct);
        await StageAsync(RowBuilder.IntermediaryStep(m.CommissionId, m.ProjectCode, "接受委托", m.AgencyName, null, m.AcceptedAt), m.RegionCode, ct);
    }
}

public sealed class CommissionProgressedConsumer(ExchangeDbContext db, TimeProvider clock, ILogger<CommissionProgressedConsumer> log)
    : ExchangeConsumer<CommissionProgressed>(db, clock, log)
{
    protected override async Task MapAsync(CommissionProgressed m, CancellationToken ct)
    {
        var agency = (await Db.FindRowAsync(SpglTables.Intermediary, Key(m.CommissionId), ct))?.Values.GetValueOrDefault("ZJJGMC") ?? Key(m.AgencyId);
        var step = m.Step switch { "started" => "开始服务", "ended" => "完成服务", _ => "服务节点" };
        await StageAsync(RowBuilder.IntermediaryStep(m.CommissionId, m.ProjectCode, step, agency, m.Name, m.At), m.RegionCode, ct);
    }
}

public sealed class DeliverableDeliveredConsumer(ExchangeDbContext db, TimeProvider clock, ILogger<DeliverableDeliveredConsumer> log)
    : ExchangeConsumer<DeliverableDelivered>(db, clock, log)
{
    protected override async Task MapAsync(DeliverableDelivered m, CancellationToken ct)
    {
        var agency = (await Db.FindRowAsync(SpglTables.Intermediary, Key(m.CommissionId), ct))?.Values.GetValueOrDefault("ZJJGMC") ?? Key(m.AgencyId);
        await StageAsync(RowBuilder.IntermediaryStep(m.CommissionId, m.ProjectCode, "成果交付", agency, m.Name, m.DeliveredAt, m.FileName, Key(m.DeliverableId)),
            m.RegionCode, ct);
    }
}

// 市政公用服务接入 (Utilities): the request's row at the application, completed by the survey and the connection; its steps.
public sealed class UtilityAppliedConsumer(ExchangeDbContext db, TimeProvider clock, ILogger<UtilityAppliedConsumer> log)
    : ExchangeConsumer<UtilityApplied>(db, clock, log)
{
    protected override Task MapAsync(UtilityApplied m, CancellationToken ct) => StageAsync(RowBuilder.Utility(m), m.RegionCode, ct);
}

public sealed class UtilitySurveyedConsumer(ExchangeDbContext db, TimeProvider clock, ILogger<UtilitySurveyedConsumer> log)
    : ExchangeConsumer<UtilitySurveyed>(db, clock, log)
{
    protected override Task MapAsync(UtilitySurveyed m, CancellationToken ct) =>
        UpdateAsync(SpglTables.Utility, Key(m.RequestId), v => (v["KCWCSJ"], v["JRFA"]) = (Time(m.SurveyedAt), m.ConnectionPlan), ct);
}

public sealed class UtilityConnectedConsumer(ExchangeDbContext db, TimeProvider clock, ILogger<UtilityConnectedConsumer> log)
    : ExchangeConsumer<UtilityConnected>(db, clock, log)
{
    protected override Task MapAsync(UtilityConnected m, CancellationToken ct) =>
        UpdateAsync(SpglTables.Utility, Key(m.RequestId), v => v["JRSJ"] = Time(m.ConnectedAt), ct);
}

public sealed class UtilityStepRecordedConsumer(ExchangeDbContext db, TimeProvider clock, ILogger<UtilityStepRecordedConsumer> log)
    : ExchangeConsumer<UtilityStepRecorded>(db, clock, log)
{
    protected override Task MapAsync(UtilityStepRecorded m, CancellationToken ct) => StageAsync(RowBuilder.UtilityStep(m), m.RegionCode, ct);
}
