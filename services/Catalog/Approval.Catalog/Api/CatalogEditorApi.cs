using Approval.Catalog.Data;
using Approval.Catalog.Domain;
using Approval.Catalog.Import;
using Approval.Messaging;

namespace Approval.Catalog.Api;

/// <summary>
/// The catalog editor (role catalog-editor, or the region admin, who edits the catalog from the portal's 事项目录维护): draft a new version of an item, edit the draft, publish it from a date.
/// A published version is immutable: editing or re-publishing it is a 409. Publishing raises CatalogItemPublished.
/// </summary>
public static class CatalogEditorApi
{
    public const string Policy = "catalog-editors";
    public static readonly string[] Roles = [Approval.ServiceDefaults.Identity.Roles.CatalogEditor, Approval.ServiceDefaults.Identity.Roles.RegionAdmin];

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalog/editor/items/{code}/versions").WithTags("Catalog editor").RequireAuthorization(Policy)
            .ForCatalogRegionStaff("Item 事项", "code");
        api.MapGet("/", List).WithSummary("Every version of an item, drafts included / 事项全部版本");
        api.MapPost("/", CreateDraft).WithSummary("Start a new draft version / 新建草稿版本");
        api.MapPut("/{version:int}", Edit).WithSummary("Edit a draft (a published version → 409) / 修改草稿");
        api.MapPost("/{version:int}/publish", Publish).WithSummary("Publish a draft from a date / 发布");
    }

    private static async Task<Ok<List<EditorItemVersionDto>>> List(string code, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var versions = await db.ItemVersions.AsNoTracking().Where(v => v.Code == code).OrderBy(v => v.Version).ToListAsync(ct);
        if (versions.Count == 0) throw new NotFoundException("Item 事项", code);
        var dtos = ItemVersions.ToDtos(versions, RegionDay.Today(clock));
        return TypedResults.Ok(versions.Select((v, i) => new EditorItemVersionDto(dtos[i], v.Definition)).ToList());
    }

    private static async Task<Created<EditorItemVersionDto>> CreateDraft(
        string code, ItemDefinition definition, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await CheckAsync(db, clock, definition with { Code = code }, ct);
        var versions = await db.ItemVersions.Where(v => v.Code == code).ToListAsync(ct);
        if (versions.Any(v => v.Status == ItemVersionStatus.Draft))
            throw new DraftExistsException(code, versions.First(v => v.Status == ItemVersionStatus.Draft).Version);
        var draft = ItemVersion.Draft(definition with { Code = code }, versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1);
        db.ItemVersions.Add(draft);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new DraftExistsException(code, draft.Version); // another editor drafted the same version a moment earlier
        }
        return TypedResults.Created($"/api/catalog/editor/items/{code}/versions/{draft.Version}", ToDto(draft, clock));
    }

    private static async Task<Ok<EditorItemVersionDto>> Edit(
        string code, int version, ItemDefinition definition, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var item = await FindAsync(db, code, version, ct);
        if (item.Status == ItemVersionStatus.Published) throw new PublishedVersionException(code, version);
        await CheckAsync(db, clock, definition with { Code = code, Version = version }, ct);
        item.Edit(definition);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(item, clock));
    }

    private static async Task<Ok<EditorItemVersionDto>> Publish(
        string code, int version, PublishRequest request, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var item = await FindAsync(db, code, version, ct);
        var today = RegionDay.Today(clock);
        var from = request.EffectiveFrom ?? today;
        if (from < today) throw ValidationException.For("effectiveFrom", "must not lie in the past", "生效日期不能早于今天");
        item.Publish(from, clock.GetUtcNow());
        var region = await db.Regions.AsNoTracking().Select(r => r.Code).FirstAsync(ct);
        db.AddOutboxEvent(CatalogEvents.Published(region, item), item.Code, clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(item, clock));
    }

    /// <summary>
    /// The same item rules as the region pack import, reported as field errors; and, as in the pack, a form field the
    /// item shares with another item in force keeps that item's type (the stage form asks it once).
    /// </summary>
    private static async Task CheckAsync(CatalogDbContext db, TimeProvider clock, ItemDefinition definition, CancellationToken ct)
    {
        var view = await CatalogView.LoadAsync(db, clock, ct);
        var errors = new FieldErrors();
        foreach (var (path, rule) in ItemRules.Check(definition with { Version = Math.Max(definition.Version, 1) }, "",
                     view.Departments.Keys.ToHashSet(), view.Stages.Select(s => s.No).ToHashSet()))
            errors.Add(path, rule);
        var shared = view.Items.Where(i => i.Code != definition.Code).SelectMany(i => (i.Definition.Fields ?? []).Select(f => (Field: f, Item: i.Code)))
            .GroupBy(x => x.Field.Key).ToDictionary(g => g.Key, g => g.First());
        var fields = definition.Fields ?? [];
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Key is { } key && shared.TryGetValue(key, out var other) && other.Field.Type != fields[i].Type)
                errors.Add($"fields[{i}].type", $"field '{key}' is '{other.Field.Type}' in {other.Item}; a shared field has one type / 共用字段类型须一致");
        }
        // 有序审批: the item it follows exists in force, in the same stage, without making a cycle.
        var withThis = view.Items.Where(i => i.Code != definition.Code).Select(i => i.Definition).Append(definition).ToList();
        foreach (var (_, rule) in OrderRules.Check(withThis).Where(e => e.Path == $"items[{withThis.Count - 1}].after"))
            errors.Add("after", rule);
        errors.ThrowIfAny();
    }

    private static async Task<ItemVersion> FindAsync(CatalogDbContext db, string code, int version, CancellationToken ct) =>
        await db.ItemVersions.FirstOrDefaultAsync(v => v.Code == code && v.Version == version, ct)
        ?? throw new NotFoundException("Item version 事项版本", $"{code} v{version}");

    private static EditorItemVersionDto ToDto(ItemVersion v, TimeProvider clock) =>
        new(ItemVersions.ToDtos([v], RegionDay.Today(clock))[0] with { InForce = false }, v.Definition);
}
