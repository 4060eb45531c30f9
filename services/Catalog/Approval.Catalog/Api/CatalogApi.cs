using Approval.Catalog.Data;
using Approval.Catalog.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Catalog.Api;

/// <summary>The public catalog: anonymous, the same answers for every channel.</summary>
public static class CatalogApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalog").WithTags("Catalog").AllowAnonymous();
        api.MapGet("/region", GetRegion).WithSummary("The region and its departments / 本地区及审批服务单位");
        api.MapGet("/stages", GetStages).WithSummary("Approval stages / 审批阶段");
        api.MapGet("/stages/{no:int}", GetStage).WithSummary("One stage with its items / 阶段及其事项");
        api.MapGet("/items/{code}", GetItem).WithSummary("One item / 事项");
    }

    private static async Task<Results<Ok<RegionDto>, NotFound>> GetRegion(CatalogDbContext db, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(ct);
        if (region is null) return TypedResults.NotFound();
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code)
            .Select(d => new DepartmentDto(d.Code, d.Name, d.CreditCode)).ToListAsync(ct);
        return TypedResults.Ok(new RegionDto(region.Code, region.Name, departments));
    }

    private static async Task<Ok<List<StageSummaryDto>>> GetStages(CatalogDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Stages.AsNoTracking().OrderBy(s => s.No)
            .Select(s => new StageSummaryDto(s.No, s.Name, s.TimeLimitWorkingDays, db.Items.Count(i => i.StageNo == s.No)))
            .ToListAsync(ct));

    private static async Task<Results<Ok<StageDto>, NotFound>> GetStage(int no, CatalogDbContext db, CancellationToken ct)
    {
        var stage = await db.Stages.AsNoTracking().FirstOrDefaultAsync(s => s.No == no, ct);
        if (stage is null) return TypedResults.NotFound();
        var items = await db.Items.AsNoTracking().Where(i => i.StageNo == no).OrderBy(i => i.Code).ToListAsync(ct);
        var departments = await DepartmentsAsync(db, ct);
        return TypedResults.Ok(new StageDto(stage.No, stage.Name, stage.TimeLimitWorkingDays, items.Select(i => ToDto(i, departments)).ToList()));
    }

    private static async Task<Results<Ok<ItemDto>, NotFound>> GetItem(string code, CatalogDbContext db, CancellationToken ct)
    {
        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
        return item is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(item, await DepartmentsAsync(db, ct)));
    }

    /// <summary>A region has tens of departments: one small query, joined in memory.</summary>
    private static Task<Dictionary<string, DepartmentDto>> DepartmentsAsync(CatalogDbContext db, CancellationToken ct) =>
        db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => new DepartmentDto(d.Code, d.Name, d.CreditCode), ct);

    private static ItemDto ToDto(Item i, Dictionary<string, DepartmentDto> departments) => new(
        i.Code, i.Name, i.StageNo, departments[i.DepartmentCode], i.TimeLimitWorkingDays, i.LicenceTypeCode, i.LicenceName);
}
