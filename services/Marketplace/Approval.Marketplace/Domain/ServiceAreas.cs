namespace Approval.Marketplace.Domain;

/// <summary>
/// An agency's service areas (服务区域): 6-digit administrative division codes (行政区划代码, GB/T 2260). A province code
/// (320000) covers its cities and districts, a city code (320100) its districts, a district code itself — so an area
/// covers a project's division when the division starts with the area's code without its trailing "00" pairs.
/// </summary>
public static class ServiceAreas
{
    public const int Max = 50;

    public static bool IsCode(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit) && !code.StartsWith("00", StringComparison.Ordinal);

    /// <summary>Whether any of the areas covers the division; an agency registered before areas existed (none stated) serves the whole region.</summary>
    public static bool Covers(IReadOnlyCollection<string> areas, string division) =>
        areas.Count == 0 || areas.Any(a => division.StartsWith(Prefix(a), StringComparison.Ordinal));

    private static string Prefix(string area)
    {
        var prefix = area;
        while (prefix.Length > 2 && prefix.EndsWith("00", StringComparison.Ordinal)) prefix = prefix[..^2];
        return prefix;
    }
}
