using System.Text.Json.Nodes;
using Approval.Catalog.Data;
using Approval.Catalog.Domain;

namespace Approval.Catalog.Api;

/// <summary>The public catalog (R-4.2, R-6.1): anonymous, cached with an ETag, the same answers for every channel.</summary>
public static class CatalogApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalog").WithTags("Catalog").AllowAnonymous().WithMetadata(new PublicCacheable());
        api.MapGet("/region", GetRegion).WithSummary("The region and its departments / 本地区及审批服务单位");
        api.MapGet("/flows", GetFlows).WithSummary("Approval flow types / 审批流程类型");
        api.MapGet("/flows/{code}", GetFlow).WithSummary("One flow with its stages and items / 审批流程及其阶段、事项");
        api.MapGet("/stages", GetStages).WithSummary("Approval stages / 审批阶段");
        api.MapGet("/stages/{no:int}", GetStage).WithSummary("One stage with its items; ?flow=CODE for that flow's limit and items / 阶段及其事项");
        api.MapGet("/stages/{no:int}/form", GetStageForm)
            .WithSummary("The stage's one form as JSON Schema, for all its items (of ?flow=CODE) or ?items=A,B / 一张表单（JSON Schema）");
        api.MapGet("/items", SearchItems).WithSummary("Items, searchable by keyword ?q= and filters stage, department, kind / 事项检索");
        api.MapGet("/items/{code}", GetItem).WithSummary("One item with guide, fees, materials and form fields; ?version=N for an older one / 事项详情");
        api.MapGet("/items/{code}/guide", GetGuide).WithSummary("The service guide with its FAQ / 办事指南");
        api.MapGet("/items/{code}/fees", GetFees).WithSummary("Fee items with their basis and amount / 收费项目");
        api.MapGet("/items/{code}/materials", GetMaterials).WithSummary("Required materials / 申请材料");
        api.MapGet("/items/{code}/versions", GetVersions).WithSummary("Published versions of an item / 事项版本");
    }

    private static async Task<Results<Ok<RegionDto>, NotFound>> GetRegion(CatalogDbContext db, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(ct);
        if (region is null) return TypedResults.NotFound();
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code)
            .Select(d => new DepartmentDto(d.Code, d.Name, d.CreditCode)).ToListAsync(ct);
        return TypedResults.Ok(new RegionDto(region.Code, region.Name, departments));
    }

    private static async Task<Ok<List<FlowSummaryDto>>> GetFlows(CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var view = await CatalogView.LoadAsync(db, clock, ct);
        return TypedResults.Ok(view.Flows.Select(f => new FlowSummaryDto(
            f.Code, f.Version, f.Name, f.Type, f.Stages.Sum(s => s.TimeLimitWorkingDays), f.Stages.Select(s => s.StageNo).ToList())).ToList());
    }

    private static async Task<Ok<FlowDto>> GetFlow(string code, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var view = await CatalogView.LoadAsync(db, clock, ct);
        var flow = view.Flow(code);
        var stages = flow.Stages.Select(s =>
        {
            var stage = view.Stage(s.StageNo);
            var items = view.Items.Where(i => s.ItemCodes.Contains(i.Code)).Select(view.ToDto).ToList();
            return new FlowStageDto(s.StageNo, stage.Name, s.TimeLimitWorkingDays, stage.MilestoneRule, items);
        }).ToList();
        return TypedResults.Ok(new FlowDto(flow.Code, flow.Version, flow.Name, flow.Type, flow.Stages.Sum(s => s.TimeLimitWorkingDays), stages));
    }

    private static async Task<Ok<List<StageSummaryDto>>> GetStages(CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var view = await CatalogView.LoadAsync(db, clock, ct);
        return TypedResults.Ok(view.Stages.Select(s => new StageSummaryDto(
            s.No, s.Name, s.TimeLimitWorkingDays, s.MilestoneRule, view.Items.Count(i => i.StageNo == s.No))).ToList());
    }

    private static async Task<Ok<StageDto>> GetStage(int no, string? flow, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var view = await CatalogView.LoadAsync(db, clock, ct);
        var (stage, limit, items) = view.StageOf(no, flow);
        var chosen = string.IsNullOrEmpty(flow) ? null : view.Flow(flow);
        return TypedResults.Ok(new StageDto(stage.No, stage.Name, limit, stage.MilestoneRule, items.Select(view.ToDto).ToList(),
            chosen is null ? null : new StageFlowDto(chosen.Code, chosen.Version, chosen.Name, chosen.Type)));
    }

    private static async Task<Ok<JsonObject>> GetStageForm(int no, string? flow, string? items, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var view = await CatalogView.LoadAsync(db, clock, ct);
        var (stage, _, ofStageItems) = view.StageOf(no, flow);
        var ofStage = ofStageItems.ToList();
        var chosen = items?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (chosen is { Count: > 0 })
        {
            var unknown = chosen.Where(c => ofStage.All(i => i.Code != c)).ToList();
            if (unknown.Count > 0)
                throw ValidationException.For("items", $"not items of stage {no}: {string.Join(", ", unknown)}", $"不属于该阶段的事项：{string.Join("、", unknown)}");
            ofStage = ofStage.Where(i => chosen.Contains(i.Code)).ToList();
        }
        return TypedResults.Ok(StageForm.Schema(stage.No, stage.Name, ofStage.Select(i => i.Definition)));
    }

    private static async Task<Ok<List<ItemDto>>> SearchItems(
        string? q, int? stage, string? department, string? kind, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var view = await CatalogView.LoadAsync(db, clock, ct);
        var found = view.Items.Where(i =>
            (stage is null || i.StageNo == stage) &&
            (department is null || i.DepartmentCode == department) &&
            (kind is null || i.Definition.Kind == kind) &&
            (string.IsNullOrWhiteSpace(q) || ItemSearch.Matches(i.Definition, view.Department(i.DepartmentCode).Name, q)));
        return TypedResults.Ok(found.Select(view.ToDto).ToList());
    }

    private static async Task<Ok<ItemDetailDto>> GetItem(string code, int? version, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var view = await CatalogView.LoadAsync(db, clock, ct);
        var item = version is null ? view.Item(code) : await PublishedVersionAsync(db, code, version.Value, ct);
        var d = item.Definition;
        return TypedResults.Ok(new ItemDetailDto(view.ToDto(item), d.ApplicantType, d.ResultDelivery, d.LegalBasis,
            d.Fees ?? [], d.Materials ?? [], d.Fields ?? [], await GuideAsync(db, item, ct)));
    }

    private static async Task<Ok<GuideDto>> GetGuide(string code, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var view = await CatalogView.LoadAsync(db, clock, ct);
        return TypedResults.Ok(await GuideAsync(db, view.Item(code), ct));
    }

    private static async Task<Ok<FeesDto>> GetFees(string code, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var item = (await CatalogView.LoadAsync(db, clock, ct)).Item(code);
        return TypedResults.Ok(new FeesDto(item.Code, item.Version, item.Definition.Fees ?? []));
    }

    private static async Task<Ok<MaterialsDto>> GetMaterials(string code, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var item = (await CatalogView.LoadAsync(db, clock, ct)).Item(code);
        return TypedResults.Ok(new MaterialsDto(item.Code, item.Version, item.Definition.Materials ?? []));
    }

    private static async Task<Ok<List<ItemVersionDto>>> GetVersions(string code, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var versions = await db.ItemVersions.AsNoTracking().Where(v => v.Code == code && v.Status == ItemVersionStatus.Published)
            .OrderBy(v => v.Version).ToListAsync(ct);
        if (versions.Count == 0) throw new NotFoundException("Item 事项", code);
        return TypedResults.Ok(ItemVersions.ToDtos(versions, RegionDay.Today(clock)));
    }

    private static async Task<ItemVersion> PublishedVersionAsync(CatalogDbContext db, string code, int version, CancellationToken ct) =>
        await db.ItemVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.Code == code && v.Version == version && v.Status == ItemVersionStatus.Published, ct)
        ?? throw new NotFoundException("Item version 事项版本", $"{code} v{version}");

    /// <summary>The guide of a version, with the department's FAQ followed by the questions published from consultation.</summary>
    private static async Task<GuideDto> GuideAsync(CatalogDbContext db, ItemVersion item, CancellationToken ct)
    {
        var guide = item.Definition.Guide ?? new ServiceGuide();
        var published = await db.Questions.AsNoTracking().Where(q => q.ItemCode == item.Code && q.PublishedAt != null)
            .OrderBy(q => q.PublishedAt).Select(q => new FaqEntry(q.Text, q.Answer!)).ToListAsync(ct);
        return new GuideDto(item.Code, item.Version, item.Name, guide.Conditions ?? [], guide.Procedure ?? [], guide.Contacts,
            [.. guide.Faq ?? [], .. published]);
    }
}
