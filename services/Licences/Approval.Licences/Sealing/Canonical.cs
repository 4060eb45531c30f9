using System.Globalization;
using System.Text;

namespace Approval.Licences.Sealing;

/// <summary>
/// The canonical byte form of what is signed: a header line, then one "name=value" line per field in the given
/// order, UTF-8, LF line ends, timestamps as UTC ISO 8601 with milliseconds. Line breaks inside values are escaped.
/// </summary>
public static class Canonical
{
    public static byte[] Encode(string header, IEnumerable<(string Name, string? Value)> fields)
    {
        var text = new StringBuilder(header).Append('\n');
        foreach (var (name, value) in fields)
            text.Append(name).Append('=').Append((value ?? "").Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r")).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string? Time(DateTimeOffset? t) => t is { } v ? Time(v) : null;
}
