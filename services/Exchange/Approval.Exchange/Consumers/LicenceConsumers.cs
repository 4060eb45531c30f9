using Approval.Contracts.Events;
using Approval.Exchange.Data;
using Approval.Exchange.Domain;

namespace Approval.Exchange.Consumers;

/// <summary>电子证照 issued: the approval document (批复文件) of its item instance; retried until the instance's row is here.</summary>
public sealed class LicenceIssuedConsumer(ExchangeDbContext db, TimeProvider clock, ILogger<LicenceIssuedConsumer> log)
    : ExchangeConsumer<LicenceIssued>(db, clock, log)
{
    protected override async Task MapAsync(LicenceIssued m, CancellationToken ct)
    {
        var instance = await Db.FindRowAsync(SpglTables.ItemInstance, SpglFormat.Key(m.ItemInstanceId), ct)
            ?? throw new InvalidOperationException($"item instance {m.ItemInstanceId} not staged yet; retried until its status changes arrive");
        await StageAsync(RowBuilder.Document(m, instance.Values.GetValueOrDefault("GCDM")), instance.RegionCode, ct);
    }
}

/// <summary>撤销: the document row becomes invalid (SJYXBS 0) with the reason, and is sent again so the province knows.</summary>
public sealed class LicenceRevokedConsumer(ExchangeDbContext db, TimeProvider clock, ILogger<LicenceRevokedConsumer> log)
    : ExchangeConsumer<LicenceRevoked>(db, clock, log)
{
    protected override async Task MapAsync(LicenceRevoked m, CancellationToken ct)
    {
        var row = await Db.FindRowAsync(SpglTables.Document, SpglFormat.Key(m.LicenceId), ct)
            ?? throw new InvalidOperationException($"licence {m.LicenceId} not staged yet; retried until LicenceIssued arrives");
        row.Invalidate($"证照已撤销：{m.Reason}", Now, SpglFormat.LocalDate(Now));
    }
}
