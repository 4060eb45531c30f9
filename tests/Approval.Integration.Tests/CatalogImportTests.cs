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
    private JsonArray PackFlows => pack["flows"]!.AsArray();

    private async Task<List<CatalogFlowPublished>> FlowsAnnouncedAsync()
    {
        await using var db = NewContext();
        return (await db.Set<OutboxMessage>().Where(m => m.MessageType.Contains("CatalogFlowPublished")).ToListAsync())
            .Select(m => JsonSerializer.Deserialize<CatalogFlowPublished>(m.Body, JsonSerializerOptions.Web)!).ToList();
    }

    [Fact]
    public async Task Each_flow_is_announced_once_with_its_stages_and_items_and_only_a_new_flow_version_again()
    {
        await ImportAsync();
        var flows = await FlowsAnnouncedAsync();
        Assert.Equal(PackFlows.Select(f => (f!["code"]!.GetValue<string>(), f["version"]!.GetValue<int>())).Order(),
            flows.Select(f => (f.FlowCode, f.Version)).Order());
        var packDepartments = pack["departments"]!.AsArray().ToDictionary(d => d!["code"]!.GetValue<string>(), d => d!["name"]!.GetValue<string>());
        var packItems = Items.ToDictionary(i => i!["code"]!.GetValue<string>());
        foreach (var packFlow in PackFlows)
        {
            var flow = flows.Single(f => f.FlowCode == packFlow!["code"]!.GetValue<string>());
            Assert.Equal(("320193", packFlow!["name"]!.GetValue<string>(), packFlow["type"]!.GetValue<string>(), new DateOnly(2025, 1, 1)),
                (flow.RegionCode, flow.FlowName, flow.FlowType, flow.EffectiveFrom));
            var packStages = packFlow["stages"]!.AsArray();
            Assert.Equal(packStages.Select(s => (s!["stageNo"]!.GetValue<int>(), s["timeLimitWorkingDays"]!.GetValue<int>(),
                    string.Join(",", s["itemCodes"]!.AsArray().Select(c => c!.GetValue<string>())))),
                flow.Stages.Select(s => (s.StageNo, s.TimeLimitWorkingDays, string.Join(",", s.Items.Select(i => i.ItemCode)))));
            Assert.All(flow.Stages.SelectMany(s => s.Items), i =>
            {
                var item = packItems[i.ItemCode]!;
                Assert.Equal((item["version"]?.GetValue<int>() ?? 1, item["name"]!.GetValue<string>(), item["departmentCode"]!.GetValue<string>(), packDepartments[i.DepartmentCode],
                        item["timeLimitWorkingDays"]!.GetValue<int>(), item["notificationCommitment"]?.GetValue<bool>() ?? false, item["milestone"]?.GetValue<bool>() ?? false),
                    (i.ItemVersion, i.ItemName, i.DepartmentCode, i.DepartmentName, i.TimeLimitWorkingDays, i.NotificationCommitment, i.Milestone));
            });
        }
        var government = flows.Single(f => f.FlowCode == "320193-ZF-FJ");
        Assert.Equal(("立项用地规划许可", "施工许可"), (government.Stages[0].StageName, government.Stages[2].StageName));
        Assert.Contains(government.Stages[2].Items, i => i is { ItemCode: "320193-ZJ-SG-001", Milestone: true });

        await ImportAsync();
        Assert.Equal(flows.Count, (await FlowsAnnouncedAsync()).Count);

        PackFlows[0]!["version"] = 2;
        await ImportAsync();
        var again = await FlowsAnnouncedAsync();
        Assert.Equal([(PackFlows[0]!["code"]!.GetValue<string>(), 2)], again.Select(f => (f.FlowCode, f.Version)).Except(flows.Select(f => (f.FlowCode, f.Version))));
        Assert.Equal(flows.Count + 1, again.Count);
    }

    [Fact]
    public async Task Every_imported_item_version_is_announced_once_and_a_reimport_adds_nothing()
    {
        var items = Items.Count;
        await ImportAsync();
        // The pack's intermediaries (kind intermediary) are organisations, not catalog departments.
        var departments = pack["departments"]!.AsArray().Count(d => (d!["kind"]?.GetValue<string>() ?? "department") == "department");
        // The outbox holds one CatalogItemPublished per item version and one CatalogFlowPublished per flow.
        var messages = items + PackFlows.Count;
        Assert.Equal((items, messages, departments), await CountsAsync());
        await using (var db = NewContext())
        {
            var outbox = await db.Set<OutboxMessage>().ToListAsync();
            Assert.Equal(items, outbox.Count(m => m.MessageType.EndsWith("CatalogItemPublished, Approval.Contracts", StringComparison.Ordinal)));
        }
        await ImportAsync();
        Assert.Equal((items, messages, departments), await CountsAsync());
    }

    [Fact]
    public async Task An_announced_item_carries_the_item_it_follows_and_its_milestone_flag()
    {
        await ImportAsync();
        await using var db = NewContext();
        var published = (await db.Set<OutboxMessage>().Where(m => m.MessageType.Contains("CatalogItemPublished")).ToListAsync())
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
