using System.Text.Json.Nodes;

namespace Approval.Portal.Clients;

/// <summary>
/// The catalog editor's calls (事项目录维护; catalog-editor or region-admin, docs/catalog.md): an item's versions with their
/// definitions, a new draft, a draft's edit and its publication. A definition travels as JSON so the fields the screen
/// does not edit (form fields, guide, licence …) go back unchanged.
/// </summary>
public sealed partial class CatalogClient
{
    private static string Versions(string code) => $"/api/catalog/editor/items/{Uri.EscapeDataString(code)}/versions";

    public Task<List<EditorItemVersion>> EditorVersionsAsync(string code, CancellationToken ct = default) =>
        GetAsync<List<EditorItemVersion>>(Versions(code), ct);

    public Task<EditorItemVersion> CreateDraftAsync(string code, JsonObject definition, CancellationToken ct = default) =>
        SendAsync<EditorItemVersion>(HttpMethod.Post, Versions(code), definition, ct);

    public Task<EditorItemVersion> EditDraftAsync(string code, int version, JsonObject definition, CancellationToken ct = default) =>
        SendAsync<EditorItemVersion>(HttpMethod.Put, $"{Versions(code)}/{version}", definition, ct);

    public Task<EditorItemVersion> PublishAsync(string code, int version, DateOnly? effectiveFrom, CancellationToken ct = default) =>
        SendAsync<EditorItemVersion>(HttpMethod.Post, $"{Versions(code)}/{version}/publish", new { effectiveFrom }, ct);
}

/// <summary>One version of an item: status "draft" or "published", from when, whether it is in force today.</summary>
public sealed record ItemVersionInfo(string Code, int Version, string Status, DateOnly? EffectiveFrom, DateTimeOffset? PublishedAt, bool InForce);

public sealed record EditorItemVersion(ItemVersionInfo Version, JsonObject Definition);
