using System.Net.Http.Headers;
using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>The public catalog through the gateway without a token: the demo region's whole catalog, stage forms, ETag / 304.</summary>
[Collection(SuiteCollection.Name)]
public sealed class CatalogApiTests(SuiteFixture suite)
{
    private readonly SuiteApi api = new(suite.Gateway);

    private async Task<JsonElement> GetAnonymousAsync(string path)
    {
        using var response = await suite.Gateway.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task The_whole_demo_catalog_is_served_without_a_token()
    {
        var flows = await GetAnonymousAsync("/api/catalog/flows");
        Assert.Equal(4, flows.GetArrayLength());
        var flow = await GetAnonymousAsync($"/api/catalog/flows/{flows[0].GetProperty("code").GetString()}");
        Assert.True(flow.GetProperty("stages").GetArrayLength() >= 4);

        var stages = await GetAnonymousAsync("/api/catalog/stages");
        Assert.Equal([1, 2, 3, 4, 5], stages.EnumerateArray().Select(s => s.GetProperty("no").GetInt32()));
        var items = await GetAnonymousAsync("/api/catalog/items");
        Assert.True(items.GetArrayLength() >= 20);
        Assert.True(items.EnumerateArray().Select(i => i.GetProperty("department").GetProperty("code").GetString()).Distinct().Count() >= 8);

        var item = await GetAnonymousAsync("/api/catalog/items/320193-CG-SG-001");
        Assert.Equal("CGJ", item.GetProperty("item").GetProperty("department").GetProperty("code").GetString());
        Assert.True(item.GetProperty("fees").GetArrayLength() > 0);
        Assert.True(item.GetProperty("materials").GetArrayLength() > 0);
        Assert.True((await GetAnonymousAsync("/api/catalog/items/320193-ZJ-SG-001/guide")).GetProperty("procedure").GetArrayLength() > 0);
        Assert.Equal("城市建筑垃圾处置费", (await GetAnonymousAsync("/api/catalog/items/320193-CG-SG-001/fees")).GetProperty("fees")[0].GetProperty("name").GetString());
        Assert.Contains((await GetAnonymousAsync("/api/catalog/items/320193-ZJ-SG-001/materials")).GetProperty("materials").EnumerateArray(),
            m => m.GetProperty("source").GetString() == "licence-library");
    }

    [Fact]
    public async Task A_flow_gives_a_stage_its_own_limit_and_items()
    {
        var lowRisk = await GetAnonymousAsync("/api/catalog/stages/3?flow=320193-XX-DFX");
        Assert.Equal(3, lowRisk.GetProperty("timeLimitWorkingDays").GetInt32());
        Assert.Equal(SuiteApi.SkeletonItems.Order(), lowRisk.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).Order());
        var region = await GetAnonymousAsync("/api/catalog/stages/3");
        Assert.True(region.GetProperty("items").GetArrayLength() > 2);
        var form = await GetAnonymousAsync("/api/catalog/stages/3/form?flow=320193-XX-DFX");
        Assert.False(form.GetProperty("properties").TryGetProperty("建筑高度（米）", out _), "a field only an item outside the flow needs is not asked");
        Assert.True(form.GetProperty("properties").TryGetProperty("建设规模", out _));
        using var unknown = await suite.Gateway.GetAsync("/api/catalog/stages/3?flow=NO-SUCH");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Keyword_search_finds_items_by_name_and_department()
    {
        var found = await GetAnonymousAsync($"/api/catalog/items?q={Uri.EscapeDataString("施工许可")}");
        Assert.Contains(found.EnumerateArray(), i => i.GetProperty("code").GetString() == "320193-ZJ-SG-001");
        Assert.All(found.EnumerateArray(), i => Assert.Contains("施工", i.GetProperty("name").GetString() + i.GetProperty("department").GetProperty("name").GetString()));
        var utilities = await GetAnonymousAsync("/api/catalog/items?kind=utility");
        Assert.True(utilities.GetArrayLength() >= 3);
        Assert.Empty((await GetAnonymousAsync("/api/catalog/items?q=nothing-matches-this")).EnumerateArray());
    }

    [Fact]
    public async Task The_stage_form_asks_a_shared_field_once()
    {
        var form = await GetAnonymousAsync($"/api/catalog/stages/3/form?items={string.Join(',', SuiteApi.SkeletonItems)}");
        var scale = form.GetProperty("properties").GetProperty("建设规模");
        Assert.Equal(SuiteApi.SkeletonItems.Order(), scale.GetProperty("x-items").EnumerateArray().Select(i => i.GetString()).Order());
        Assert.Contains("建设规模", form.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("project.name", form.GetProperty("properties").GetProperty("项目名称").GetProperty("x-prefill").GetString());
        var problem = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Applicant, HttpMethod.Get, "/api/catalog/stages/3/form?items=NO-SUCH");
        Assert.Contains("NO-SUCH", problem.GetProperty("errors").GetProperty("items")[0].GetString());
    }

    [Fact]
    public async Task A_public_answer_carries_an_etag_and_answers_304_when_it_has_not_changed()
    {
        using var first = await suite.Gateway.GetAsync("/api/catalog/stages/3");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag ?? throw new Xunit.Sdk.XunitException("no ETag");
        Assert.True(first.Headers.CacheControl?.Public);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/stages/3");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await suite.Gateway.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/stages/3");
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        using var changed = await suite.Gateway.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, (await suite.Gateway.GetAsync("/api/catalog/stages/4")).Headers.ETag);
    }

    [Fact]
    public async Task Unknown_catalog_objects_answer_404()
    {
        foreach (var path in new[] { "/api/catalog/items/NO-SUCH", "/api/catalog/flows/NO-SUCH", "/api/catalog/stages/9", "/api/catalog/items/320193-ZJ-SG-001?version=99" })
        {
            using var response = await suite.Gateway.GetAsync(path);
            Assert.True(HttpStatusCode.NotFound == response.StatusCode, $"{path}: {(int)response.StatusCode}");
        }
    }
}
