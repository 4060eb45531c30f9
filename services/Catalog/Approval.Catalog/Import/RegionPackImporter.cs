using System.Text.Json;
using Approval.Catalog.Data;
using Approval.Catalog.Domain;
using Microsoft.EntityFrameworkCore;

namespace Approval.Catalog.Import;

/// <summary>
/// Replaces the catalog with the region pack's content in one transaction, under an advisory lock so
/// replicas starting together import once each without interleaving. A pack with any error imports nothing.
/// </summary>
public sealed class RegionPackImporter(CatalogDbContext db, ILogger<RegionPackImporter> log)
{
    private const long ImportLock = 0x43_41_54_41_4C_4F_47; // "CATALOG"

    public async Task ImportAsync(string folder, CancellationToken ct)
    {
        var file = Path.Combine(folder, "catalog.json");
        var pack = Read(file);
        var errors = RegionPackValidator.Validate(pack, file);
        if (errors.Count > 0)
            throw new InvalidDataException("The region pack is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ImportLock})", ct);
        await db.Items.ExecuteDeleteAsync(ct);
        await db.Stages.ExecuteDeleteAsync(ct);
        await db.Departments.ExecuteDeleteAsync(ct);
        await db.Regions.ExecuteDeleteAsync(ct);

        db.Regions.Add(new Region { Code = pack.Region.Code, Name = pack.Region.Name });
        db.Departments.AddRange(pack.Departments.Select(d => new Department { Code = d.Code, Name = d.Name, CreditCode = d.CreditCode }));
        db.Stages.AddRange(pack.Stages.Select(s => new Stage { No = s.No, Name = s.Name, TimeLimitWorkingDays = s.TimeLimitWorkingDays }));
        db.Items.AddRange(pack.Items.Select(i => new Item
        {
            Code = i.Code, Name = i.Name, StageNo = i.StageNo, DepartmentCode = i.DepartmentCode,
            TimeLimitWorkingDays = i.TimeLimitWorkingDays, LicenceTypeCode = i.Licence?.TypeCode, LicenceName = i.Licence?.Name,
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Imported region pack {Region} ({Items} items) from {File}", pack.Region.Code, pack.Items.Count, file);
    }

    private static RegionPack Read(string file)
    {
        if (!File.Exists(file)) throw new FileNotFoundException($"Region pack file not found: {file}", file);
        try
        {
            return JsonSerializer.Deserialize<RegionPack>(File.ReadAllText(file), new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? throw new InvalidDataException($"{file}: empty region pack");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: {e.Path}: not valid JSON for a region pack ({e.Message})", e);
        }
    }
}
