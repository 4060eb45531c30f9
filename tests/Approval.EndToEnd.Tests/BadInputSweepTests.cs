using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// The bad-input sweep (issue 22): every operation of every service's OpenAPI document, as the gateway serves it, is
/// called with malformed, oversized and hostile input generated from its schema — hostile path segments, query values
/// of the wrong type, malformed JSON, bodies whose every property has the wrong type, hostile strings, extreme numbers
/// and a 1 MB string — by each role that gets past authorisation, and by an anonymous caller. No answer may be a 5xx.
/// The gateway's rate-limited entry points (sign-in, registration, verification: appsettings RateLimiterPolicy) are left
/// out, so the sweep cannot use up the budget the other tests share; GatewayRateLimitTests covers them. So are operations
/// with no parameter and no body: there is no bad input to give them, and calling them is a real action in the shared suite.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed partial class BadInputSweepTests(SuiteFixture suite)
{
    private static readonly Actor[] Staff =
    [
        Actor.Applicant, Actor.Window, Actor.Department("ZJJ"),
        new("region-admin-e2e", "region-admin", Name: "区管理员"),
        new("supervisor-e2e", "supervisor", Name: "监察科赵六"),
        new("editor-e2e", "catalog-editor", Name: "目录管理员"),
        AccessMatrixRows.Regulator,
    ];

    /// <summary>Path segments an attacker or a careless client sends (already escaped for the URL).</summary>
    private static readonly string[] HostileSegments =
    [
        "..%2F..%2Fetc%2Fpasswd", "%00", "'%20OR%201%3D1--", "-1", "99999999999999999999999999", "00000000-0000-0000-0000-000000000000",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%F0%9F%98%80%E2%80%AE", new string('A', 3000), "1e400", "null", "%20",
    ];

    private static readonly string[] HostileStrings =
    [
        "", " ", "\u0000", "'; DROP TABLE licences; --", "<script>alert(1)</script>", "../../etc/passwd", "9999-99-99",
        "2026-02-30T25:61:00Z", "\u202e\ud83d\ude00", "{{7*7}}", "-1", "NaN",
    ];

    [GeneratedRegex(@"\{(?<name>[^}:]+)(:[^}]*)?\}")]
    private static partial Regex PathParameter();

    [Fact]
    public async Task No_endpoint_answers_a_5xx_to_malformed_oversized_or_hostile_input()
    {
        var limited = RateLimitedPaths();
        var operations = new List<Operation>();
        foreach (var service in AccessMatrixCoverageTests.Services())
        {
            using var response = await suite.Gateway.GetAsync($"/openapi/{service}.json");
            Assert.True(response.IsSuccessStatusCode, $"/openapi/{service}.json: {(int)response.StatusCode}");
            var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is not ("get" or "post" or "put" or "delete" or "patch")) continue;
                if (limited.Any(l => path.StartsWith(l, StringComparison.Ordinal))) continue;
                var candidate = new Operation(service, method.ToUpperInvariant(), path, operation!, document);
                // nothing to make hostile (no parameter, no body): any call is a valid one (立即上报, 全量补传), not bad input
                if (candidate.Variants().Any()) operations.Add(candidate);
            }
        }
        Assert.True(operations.Count > 100, $"only {operations.Count} operations found: are the documents complete?");

        var failures = new ConcurrentBag<string>();
        var sent = 0;
        await Parallel.ForEachAsync(operations, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (operation, ct) =>
        {
            var reaching = new List<Actor?> { null };
            foreach (var actor in Staff)
            {
                var (status, text) = await SendAsync(actor, operation.Method, operation.Url(null), null, ct);
                Interlocked.Increment(ref sent);
                if ((int)status >= 500) failures.Add($"{operation} as {actor.Roles} (plain): {(int)status} {Cause(text)}");
                if (status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)) { reaching.Add(actor); break; }
            }
            if (reaching.Count == 1) reaching.Add(Actor.Applicant); // binding runs before authorisation on some routes
            foreach (var actor in reaching)
            foreach (var (what, url, body) in operation.Variants())
            {
                var (status, text) = await SendAsync(actor, operation.Method, url, body, ct);
                Interlocked.Increment(ref sent);
                if ((int)status >= 500)
                    failures.Add($"{operation} as {actor?.Roles ?? "anonymous"} with {what}: {(int)status} {Cause(text)}");
            }
        });

        Console.WriteLine($"bad-input sweep: {operations.Count} operations, {sent} requests, {failures.Count} answered 5xx");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {sent} hostile requests answered 5xx:\n" + string.Join("\n", failures.Order().Take(60)));
    }

    /// <summary>A 5xx's body, long enough to hold the exception a service in Development names (ApprovalExceptionHandler.NameException).</summary>
    private static string Cause(string text) => text[..Math.Min(text.Length, 1500)];

    private async Task<(HttpStatusCode Status, string Text)> SendAsync(Actor? actor, string method, string url, HttpContent? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (actor is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await ActorTokens.ForAsync(actor));
        request.Content = body;
        using var response = await suite.Gateway.SendAsync(request, ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>The paths of the gateway's routes that name a rate-limiter policy (a path ending in {**rest} as its prefix).</summary>
    private static List<string> RateLimitedPaths()
    {
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root(), "gateway", "Approval.Gateway", "appsettings.json")),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        var paths = settings["ReverseProxy"]!["Routes"]!.AsObject().Select(r => r.Value!)
            .Where(r => r["RateLimiterPolicy"] is not null).Select(r => r["Match"]!["Path"]!.GetValue<string>().Replace("{**rest}", "")).ToList();
        Assert.Contains("/api/identity/login", paths);
        return paths;
    }

    private sealed record Operation(string Service, string Method, string Path, JsonNode Spec, JsonNode Document)
    {
        public override string ToString() => $"{Method} {Path}";

        private IEnumerable<JsonNode> Parameters(string where) =>
            (Spec["parameters"]?.AsArray() ?? []).Select(p => Resolve(p!)).Where(p => p["in"]?.GetValue<string>() == where);

        /// <summary>The path with each parameter given a plausible value (a fresh GUID, 1, a code), or <paramref name="hostile"/>.</summary>
        public string Url(string? hostile, string? query = null)
        {
            var path = PathParameter().Replace(Path, m => hostile ?? Plausible(Parameters("path").FirstOrDefault(p => p["name"]!.GetValue<string>() == m.Groups["name"].Value)));
            return query is null ? path : $"{path}?{query}";
        }

        private static string Plausible(JsonNode? parameter)
        {
            var schema = parameter?["schema"];
            var type = TypeOf(schema);
            return type switch
            {
                "integer" or "number" => "1",
                _ when schema?["format"]?.GetValue<string>() == "uuid" => Guid.NewGuid().ToString(),
                _ => "320193-ZJ-SG-001",
            };
        }

        public IEnumerable<(string What, string Url, HttpContent? Body)> Variants()
        {
            if (Path.Contains('{'))
                foreach (var segment in HostileSegments)
                    yield return ($"path segment {segment[..Math.Min(segment.Length, 30)]}", Url(segment), Json("{}"));
            foreach (var query in Parameters("query").Select(p => p["name"]!.GetValue<string>()))
            {
                yield return ($"query {query}=<hostile>", Url(null, $"{Uri.EscapeDataString(query)}=%27%3B--%00{new string('9', 40)}"), null);
                yield return ($"query {query}=<3000 chars>", Url(null, $"{Uri.EscapeDataString(query)}={new string('x', 3000)}"), null);
            }
            if (Spec["requestBody"] is null) yield break;
            yield return ("malformed JSON", Url(null), Json("{\"a\": [1, 2,"));
            yield return ("a JSON array", Url(null), Json("[1, \"x\", null]"));
            yield return ("JSON null", Url(null), Json("null"));
            yield return ("not JSON at all", Url(null), new StringContent("\u0000\u0001 ☃ <xml/>", Encoding.UTF8, "text/plain"));
            yield return ("a malformed multipart body", Url(null), Multipart());
            var schema = BodySchema();
            if (schema is null) yield break;
            yield return ("every property of the wrong type", Url(null), Json(Fill(schema, WrongType).ToJsonString()));
            var i = 0;
            foreach (var hostile in HostileStrings)
                yield return ($"hostile string #{i++}", Url(null), Json(Fill(schema, (s, _) => StringsOnly(s, hostile)).ToJsonString()));
            yield return ("extreme numbers", Url(null), Json(Fill(schema, Extreme).ToJsonString()));
            yield return ("a 1 MB string", Url(null), Json(Fill(schema, (s, _) => StringsOnly(s, new string('长', 350_000))).ToJsonString()));
            yield return ("10,000 array entries", Url(null), Json(Fill(schema, (s, _) => TypeOf(s) == "array" ? new JsonArray([.. Enumerable.Range(0, 10_000).Select(n => (JsonNode?)JsonValue.Create(n))]) : null).ToJsonString()));
        }

        private static HttpContent Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");

        private static HttpContent Multipart()
        {
            var content = new StringContent("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../a.pdf\"\r\n\r\n%PDF-1.4 truncated", Encoding.UTF8);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=y");
            return content;
        }

        private JsonNode? BodySchema()
        {
            var content = Spec["requestBody"]?["content"]?.AsObject();
            var json = content?.FirstOrDefault(c => c.Key.Contains("json", StringComparison.Ordinal)).Value;
            return json?["schema"] is { } schema ? Resolve(schema) : null;
        }

        /// <summary>An object with each property of the schema set by <paramref name="value"/> (null: left out).</summary>
        private JsonObject Fill(JsonNode schema, Func<JsonNode?, string, JsonNode?> value)
        {
            var result = new JsonObject();
            foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
            {
                var resolved = property is null ? null : Resolve(property);
                if (value(resolved, name) is { } v) result[name] = v;
            }
            return result;
        }

        private static JsonNode? WrongType(JsonNode? schema, string name) => TypeOf(schema) switch
        {
            "string" => JsonValue.Create(12345678901234567890m),
            "integer" or "number" => JsonValue.Create("十二"),
            "boolean" => JsonValue.Create("yes"),
            "array" => new JsonObject { ["x"] = 1 },
            _ => JsonValue.Create("not an object"),
        };

        private static JsonNode? StringsOnly(JsonNode? schema, string value) => TypeOf(schema) switch
        {
            "string" => JsonValue.Create(value),
            "array" when TypeOf(schema?["items"]) == "string" => new JsonArray(JsonValue.Create(value)),
            _ => null,
        };

        private static JsonNode? Extreme(JsonNode? schema, string name) => TypeOf(schema) switch
        {
            "integer" => JsonValue.Create(long.MaxValue),
            "number" => JsonNode.Parse("1e308"),
            "string" when schema?["format"]?.GetValue<string>() is "date" or "date-time" => JsonValue.Create("0001-01-01T00:00:00Z"),
            _ => null,
        };

        private static string? TypeOf(JsonNode? schema) => schema?["type"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var t) => t,
            JsonArray a => a.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t is not null and not "null"),
            _ => null,
        };

        private JsonNode Resolve(JsonNode node)
        {
            for (var depth = 0; depth < 5 && node["$ref"]?.GetValue<string>() is { } reference; depth++)
            {
                var target = Document;
                foreach (var part in reference.TrimStart('#', '/').Split('/')) target = target[part]!;
                node = target;
            }
            return node;
        }
    }
}
