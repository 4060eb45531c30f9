using System.Text.Json;
using System.Text.RegularExpressions;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// The access matrix cannot fall behind the code: every route with a path parameter (an object route) in any service's
/// OpenAPI document, as the gateway serves it, and every portal endpoint with one, has a matrix row — or is on the
/// short list below of routes public by design, each with its reason.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed partial class AccessMatrixCoverageTests(SuiteFixture suite)
{
    /// <summary>Object routes anyone may use without an account, by design (docs/*.md), and why.</summary>
    public static readonly Dictionary<string, string> PublicByDesign = new()
    {
        ["GET /api/catalog/flows/{}"] = "the published catalog is public (办事指南): an approval flow",
        ["GET /api/catalog/stages/{}"] = "the published catalog is public: a stage and its items",
        ["GET /api/catalog/stages/{}/form"] = "the published catalog is public: a stage's form schema",
        ["GET /api/catalog/items/{}"] = "the published catalog is public: an item (drafts answer 404)",
        ["GET /api/catalog/items/{}/guide"] = "the published catalog is public: an item's service guide and FAQ",
        ["GET /api/catalog/items/{}/fees"] = "the published catalog is public: an item's fees",
        ["GET /api/catalog/items/{}/materials"] = "the published catalog is public: an item's required materials",
        ["GET /api/catalog/items/{}/versions"] = "the published catalog is public: an item's published versions",
        ["GET /api/licences/{}"] = "public licence look-up by its identifier (the QR code on the certificate; no PDF, no private data)",
        ["GET /api/licences/verify/{}"] = "public verification of a licence by its identifier (扫码验证)",
        ["GET /api/marketplace/agencies/{}"] = "the marketplace's public agency page (中介机构主页): verified agencies' profile, services, ratings",
        ["GET /api/licences/seals/{}"] = "a seal's public record and certificate (never its private key), for anyone verifying a signature",
    };

    /// <summary>Object routes whose intruder rows live in another test class (named), not in the matrix's case fixtures.</summary>
    public static readonly Dictionary<string, string> CheckedElsewhere = new()
    {
        ["POST /api/identity/clients/{}/secret"] = "IdentitySecurityTests: region admin only; another region's admin and a department get no rotation",
        ["PUT /api/identity/clients/{}/keys"] = "IdentitySecurityTests: region admin only; another region's admin and a department get no key registration",
    };

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\.Map(?<method>Get|Post|Put|Delete|Patch)\(\s*""(?<path>[^""]+)""")]
    private static partial Regex PortalMapping();

    private static string Key(string method, string path) => $"{method.ToUpperInvariant()} {Parameter().Replace(path, "{}")}";

    private static readonly HashSet<string> Matrix = AccessMatrixRows.Rows.Select(r => Key(r.Method, r.Path)).ToHashSet();

    /// <summary>The services whose documents the gateway serves: those with an API in the one list (shared/services.json).</summary>
    public static List<string> Services() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root(), "shared", "services.json"))).RootElement.GetProperty("services")
            .EnumerateArray().Where(s => !s.TryGetProperty("api", out var api) || api.GetBoolean()).Select(s => s.GetProperty("name").GetString()!).ToList();

    [Fact]
    public async Task Every_object_route_of_every_openapi_document_has_a_matrix_row_or_is_public_by_design()
    {
        var services = Services();
        Assert.Contains("identity", services);
        var routes = new List<string>();
        foreach (var service in services)
        {
            using var response = await suite.Gateway.GetAsync($"/openapi/{service}.json");
            Assert.True(response.IsSuccessStatusCode, $"/openapi/{service}.json: {(int)response.StatusCode}");
            var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
            var found = paths.EnumerateObject().Where(p => p.Name.Contains('{'))
                .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch").Select(o => Key(o.Name, p.Name)))
                .ToList();
            Assert.True(found.Count > 0, $"{service}'s document lists no object route at all: is it the right document?");
            routes.AddRange(found);
        }

        var missing = routes.Where(r => !Matrix.Contains(r) && !PublicByDesign.ContainsKey(r) && !CheckedElsewhere.ContainsKey(r)).Order().ToList();
        Assert.True(missing.Count == 0, "object routes without an access-matrix row:\n" + string.Join("\n", missing));
        // Both lists stay true: every API row and every public route names a route that exists.
        var stale = Matrix.Where(r => r.Contains(" /api/", StringComparison.Ordinal)).Concat(PublicByDesign.Keys).Concat(CheckedElsewhere.Keys).Where(r => !routes.Contains(r)).ToList();
        Assert.True(stale.Count == 0, "rows or public routes that no OpenAPI document lists:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void Every_portal_endpoint_with_a_path_parameter_has_a_matrix_row()
    {
        var portal = Path.Combine(RepoPaths.Root(), "services", "Portal", "Approval.Portal");
        var endpoints = Directory.EnumerateFiles(portal, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => PortalMapping().Matches(File.ReadAllText(f)))
            .Select(m => Key(m.Groups["method"].Value, m.Groups["path"].Value))
            .ToList();
        // The sign-in endpoints prove the source scan finds the portal's mappings at all.
        Assert.Contains("GET /account/signin", endpoints);
        var objectRoutes = endpoints.Where(e => e.Contains("{}", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(objectRoutes);
        var missing = objectRoutes.Where(e => !Matrix.Contains(e)).ToList();
        Assert.True(missing.Count == 0, "portal endpoints without an access-matrix row:\n" + string.Join("\n", missing));
    }
}
