using System.Text.Json;
using Approval.Catalog.Data;
using Approval.Catalog.Domain;
using Approval.Contracts.Events;
using Approval.Messaging;

namespace Approval.Catalog.Import;

/// <summary>
/// Imports the region pack in one transaction, under an advisory lock so replicas starting together import once
/// each without interleaving. Region, departments, stages and flows are replaced; each item version not yet stored
/// is added as published (and announced through the outbox); a stored published version must be unchanged, since a
/// published version is immutable. Each flow code and version not announced before is announced once
/// (CatalogFlowPublished, <see cref="FlowAnnouncements"/>). A pack with any error imports nothing.
/// </summary>
public sealed class RegionPackImporter(CatalogDbContext db, TimeProvider clock, ILogger<RegionPackImporter> log)
{
    private const long ImportLock = 0x43_41_54_41_4C_4F_47; // "CATALOG"

    public async Task ImportAsync(string folder, CancellationToken ct)
    {
        var file = Path.Combine(folder, "catalog.json");
        var pack = RegionPackFile.Read(file);
        var errors = RegionPackValidator.Validate(pack, file).ToList();
        Fail(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ImportLock})", ct);
        await db.Flows.ExecuteDeleteAsync(ct);
        await db.Stages.ExecuteDeleteAsync(ct);
        await db.Departments.ExecuteDeleteAsync(ct);
        await db.Regions.ExecuteDeleteAsync(ct);
        db.Regions.Add(new Region { Code = pack.Region.Code, Name = pack.Region.Name });
        db.Departments.AddRange(pack.Departments.Where(d => d.IsDepartment).Select(d => new Department { Code = d.Code, Name = d.Name, CreditCode = d.CreditCode }));
        db.Stages.AddRange(pack.Stages.Select(s => new Stage { No = s.No, Name = s.Name, TimeLimitWorkingDays = s.TimeLimitWorkingDays, MilestoneRule = s.MilestoneRule }));
        db.Flows.AddRange((pack.Flows ?? []).Select(f => new Flow { Code = f.Code, Version = f.Version, Name = f.Name, Type = f.Type, Stages = f.Stages }));

        var stored = await db.ItemVersions.ToDictionaryAsync(v => (v.Code, v.Version), ct);
        var now = clock.GetUtcNow();
        var today = RegionDay.Today(clock);
        var added = new List<ItemVersion>();
        for (var i = 0; i < pack.Items.Count; i++)
        {
            var item = pack.Items[i];
            if (stored.TryGetValue((item.Code, item.Version), out var existing))
            {
                if (existing.Status != ItemVersionStatus.Published)
                    errors.Add($"{file}: items[{i}].version: version {item.Version} of {item.Code} exists as a draft; give the pack's item another version");
                else if (!RegionPackFile.SameContent(existing.Definition, item))
                    errors.Add($"{file}: items[{i}]: version {item.Version} of {item.Code} is published and differs from the pack; a published version is immutable, give the change a new version");
                continue;
            }
            var version = ItemVersion.Published(item, item.EffectiveFrom ?? pack.EffectiveFrom ?? today, now);
            db.ItemVersions.Add(version);
            db.AddOutboxEvent(CatalogEvents.Published(pack.Region.Code, version), version.Code, clock);
            added.Add(version);
        }
        Fail(errors);
        var announced = (await db.AnnouncedFlows.Select(a => new { a.Code, a.Version }).ToListAsync(ct)).Select(a => (a.Code, a.Version)).ToHashSet();
        var flows = FlowAnnouncements.New(pack, announced, stored.Values.Concat(added), today, now);
        foreach (var flow in flows)
        {
            db.AnnouncedFlows.Add(new AnnouncedFlow { Code = flow.FlowCode, Version = flow.Version, AnnouncedAt = now });
            db.AddOutboxEvent(flow, flow.FlowCode, clock);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Imported region pack {Region} from {File}: {Items} items, {Added} new item versions, {Flows} flow versions announced",
            pack.Region.Code, file, pack.Items.Count, added.Count, flows.Count);
    }

    private static void Fail(List<string> errors)
    {
        if (errors.Count > 0)
            throw new InvalidDataException("The region pack is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }
}
