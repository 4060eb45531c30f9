using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Contracts.Events;
using Approval.Catalog.Data;
using Approval.Catalog.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Approval.Integration.Tests;

/// <summary>
/// The region pack import on a real, migrated catalog database: every new item version is announced through the
/// outbox in the same transaction; a re-import adds nothing; a bad pack — or one changing a published version —
/// imports nothing at all.
/// </summary>
public sealed class CatalogImportTests : IAsyncLifetime
{
    private readonly FreshDatabase<CatalogDbContext> database = new("cat");
    private readonly string folder = Directory.CreateTempSubdirectory("region-pack-").FullName;
    private JsonObject pack = null!;

    private CatalogDbContext NewContext() => database.NewContext();

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        pack = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.RegionPack(), "catalog.json")))!.AsObject();
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        Directory.Delete(folder, true);
    }

    private async Task ImportAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "catalog.json"), pack.ToJsonString());
        await using var db = NewContext();
        await new RegionPackImporter(db, TimeProvider.System, NullLogger<RegionPackImporter>.Instance).ImportAsync(folder, CancellationToken.None);
    }

    private async Task<(int Versions, int Outbox, int Departments)> CountsAsync()
    {
        await using var db = NewContext();
        return (await db.ItemVersions.CountAsync(), await db.Set<OutboxMessage>().CountAsync(), await db.Departments.CountAsync());
    }

    private JsonArray Items => pack["items"]!.AsArray();

    [Fact]
    public async Task Every_imported_item_version_is_announced_once_and_a_reimport_adds_nothing()
    {
        var items = Items.Count;
        await ImportAsync();
        // The pack's intermediaries (kind intermediary) are organisations, not catalog departments.
        var departments = pack["departments"]!.AsArray().Count(d => (d!["kind"]?.GetValue<string>() ?? "department") == "department");
        Assert.Equal((items, items, departments), await CountsAsync());
        await using (var db = NewContext())
        {
            var outbox = await db.Set<OutboxMessage>().ToListAsync();
            Assert.NotEmpty(outbox);
            Assert.All(outbox, m => Assert.EndsWith("CatalogItemPublished, Approval.Contracts", m.MessageType));
        }
        await ImportAsync();
        Assert.Equal((items, items, departments), await CountsAsync());
    }

    [Fact]
    public async Task An_announced_item_carries_the_item_it_follows_and_its_milestone_flag()
    {
        await ImportAsync();
        await using var db = NewContext();
        var published = (await db.Set<OutboxMessage>().ToListAsync())
            .Select(m => JsonSerializer.Deserialize<CatalogItemPublished>(m.Body, JsonSerializerOptions.Web)!).ToDictionary(e => e.ItemCode);
        Assert.Equal(("320193-ZJ-SG-002", true), (published["320193-ZJ-SG-001"].After, published["320193-ZJ-SG-001"].Milestone));
        Assert.Equal((null, false), (published["320193-ZJ-SG-002"].After, published["320193-ZJ-SG-002"].Milestone));
    }

    [Fact]
    public async Task Changing_a_published_version_fails_the_import_and_nothing_of_the_pack_is_imported()
    {
        await ImportAsync();
        var before = await CountsAsync();
        Items[0]!["name"] = "改过名的已发布事项";
        var added = Items[1]!.DeepClone().AsObject();
        added["code"] = "320193-NEW-001";
        Items.Add(added);
        pack["departments"]!.AsArray().Add(JsonNode.Parse("""{"code":"NEWDEPT","name":"新部门","creditCode":"11320193MB0001001K"}"""));

        var error = await Assert.ThrowsAsync<InvalidDataException>(ImportAsync);
        Assert.Contains("items[0]", error.Message);
        Assert.Contains("immutable", error.Message);
        Assert.Equal(before, await CountsAsync());
        await using var db = NewContext();
        Assert.False(await db.Departments.AnyAsync(d => d.Code == "NEWDEPT"));
        Assert.False(await db.ItemVersions.AnyAsync(v => v.Code == "320193-NEW-001"));
    }

    [Fact]
    public async Task A_pack_with_errors_lists_each_with_file_path_and_rule_and_imports_nothing()
    {
        Items[0]!["departmentCode"] = "NOPE";
        Items[1]!["code"] = Items[2]!["code"]!.GetValue<string>();
        Items[3]!["timeLimitWorkingDays"] = 0;
        pack["stages"]![0]!["timeLimitWorkingDays"] = 60;
        pack["stages"]![1]!["no"] = 8;
        pack["flows"] = new JsonArray();

        var error = await Assert.ThrowsAsync<InvalidDataException>(ImportAsync);
        var file = Path.Combine(folder, "catalog.json");
        foreach (var expected in new[]
        {
            $"{file}: items[0].departmentCode: unknown department 'NOPE'",
            $"{file}: items[2].code: duplicate item code",
            $"{file}: items[3].timeLimitWorkingDays: a time limit must be greater than 0",
            $"{file}: stages[0].timeLimitWorkingDays: a stage limit is 1–50 working days",
            $"{file}: stages[1].no: unknown standard stage 8",
        })
            Assert.Contains(expected, error.Message);
        Assert.Equal((0, 0, 0), await CountsAsync());
    }

}
