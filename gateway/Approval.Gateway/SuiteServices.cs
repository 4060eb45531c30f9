using System.Text.Json;

namespace Approval.Gateway;

/// <summary>
/// A service of the suite as shared/services.json lists it (docs/adding-a-service.md): its name (the AppHost's resource,
/// the chart's Service, the database approval_&lt;name&gt;); whether the gateway routes an API to it; whether that API lets
/// anonymous callers through (the service then authorises each endpoint itself).
/// </summary>
public sealed record SuiteService(string Name, bool Api = true, bool Anonymous = false);

public static class SuiteServices
{
    /// <summary>The list of shared/services.json, embedded in the gateway when it is built.</summary>
    public static readonly IReadOnlyList<SuiteService> All = Read();

    private static List<SuiteService> Read()
    {
        using var stream = typeof(SuiteServices).Assembly.GetManifestResourceStream("Approval.services.json")
            ?? throw new InvalidOperationException("shared/services.json is not embedded in the gateway.");
        return JsonSerializer.Deserialize<Manifest>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.Services;
    }

    private sealed record Manifest(List<SuiteService> Services);
}
