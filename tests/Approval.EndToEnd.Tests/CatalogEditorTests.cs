using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>Versioning through the gateway: draft → published; a published version is immutable (409); the version in force changes from its date.</summary>
[Collection(SuiteCollection.Name)]
public sealed class CatalogEditorTests(SuiteFixture suite)
{
    private static readonly Actor Editor = new("editor-e2e", "catalog-editor", Name: "目录管理员");
    private readonly SuiteApi api = new(suite.Gateway);

    private static object Definition(string name, int limit) =>
        new { name, stageNo = 5, departmentCode = "GSGS", timeLimitWorkingDays = limit, kind = "utility", itemType = "20" };

    [Fact]
    public async Task A_new_item_goes_from_draft_to_published_and_its_published_version_cannot_be_edited()
    {
        var code = $"E2E-{Guid.NewGuid():N}"[..16];
        var versions = $"/api/catalog/editor/items/{code}/versions";
        var draft = await api.ExpectAsync(HttpStatusCode.Created, Editor, HttpMethod.Post, versions, Definition("排水接入", 3));
        Assert.Equal(("draft", 1), (draft.GetProperty("version").GetProperty("status").GetString(), draft.GetProperty("version").GetProperty("version").GetInt32()));
        // A draft is not public.
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.Applicant, HttpMethod.Get, $"/api/catalog/items/{code}");

        await api.ExpectAsync(HttpStatusCode.OK, Editor, HttpMethod.Put, $"{versions}/1", Definition("排水接入（修订）", 2));
        await api.ExpectAsync(HttpStatusCode.OK, Editor, HttpMethod.Post, $"{versions}/1/publish", new { });
        var item = await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Get, $"/api/catalog/items/{code}");
        Assert.Equal(("排水接入（修订）", 2), (item.GetProperty("item").GetProperty("name").GetString(), item.GetProperty("item").GetProperty("timeLimitWorkingDays").GetInt32()));

        var edit = await api.ExpectAsync(HttpStatusCode.Conflict, Editor, HttpMethod.Put, $"{versions}/1", Definition("改名", 9));
        Assert.Contains("cannot be changed", edit.GetProperty("detail").GetString());
        await api.ExpectAsync(HttpStatusCode.Conflict, Editor, HttpMethod.Post, $"{versions}/1/publish", new { });
        Assert.Equal("排水接入（修订）", (await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Get, $"/api/catalog/items/{code}"))
            .GetProperty("item").GetProperty("name").GetString());

        // Version 2 published from a later date supersedes version 1 only then; version 1 stays readable.
        await api.ExpectAsync(HttpStatusCode.Created, Editor, HttpMethod.Post, versions, Definition("排水接入 v2", 1));
        await api.ExpectAsync(HttpStatusCode.OK, Editor, HttpMethod.Post, $"{versions}/2/publish", new { effectiveFrom = "2099-01-01" });
        var listed = await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Get, $"/api/catalog/items/{code}/versions");
        Assert.Equal([(1, true), (2, false)], listed.EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("inForce").GetBoolean())));
        Assert.Equal(1, (await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Get, $"/api/catalog/items/{code}")).GetProperty("item").GetProperty("version").GetInt32());
        Assert.Equal("排水接入 v2", (await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Get, $"/api/catalog/items/{code}?version=2"))
            .GetProperty("item").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_draft_breaking_the_item_rules_names_each_field_and_nobody_but_an_editor_may_draft()
    {
        var problem = await api.ExpectAsync(HttpStatusCode.BadRequest, Editor, HttpMethod.Post, "/api/catalog/editor/items/E2E-BAD/versions",
            new { name = "x", stageNo = 7, departmentCode = "NOPE", timeLimitWorkingDays = 0 });
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "stageNo", "departmentCode", "timeLimitWorkingDays" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field} in {errors}");
        await api.ExpectAsync(HttpStatusCode.NotFound, Editor, HttpMethod.Get, "/api/catalog/editor/items/E2E-BAD/versions");
        var shared = await api.ExpectAsync(HttpStatusCode.BadRequest, Editor, HttpMethod.Post, "/api/catalog/editor/items/E2E-BAD/versions",
            new { name = "x", stageNo = 3, departmentCode = "ZJJ", timeLimitWorkingDays = 1, fields = new[] { new { key = "建设规模", label = "建设规模", type = "number" } } });
        Assert.Contains("shared field", shared.GetProperty("errors").GetProperty("fields[0].type")[0].GetString());
        await api.ExpectAsync(HttpStatusCode.Forbidden, Actor.Applicant, HttpMethod.Post, "/api/catalog/editor/items/E2E-BAD/versions", Definition("x", 1));
    }
}
