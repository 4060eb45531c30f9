using System.Globalization;

namespace Approval.Exchange.Domain;

/// <summary>
/// How a value is written into a row (as text, converted to the column's type when sent): dates yyyy-MM-dd on the region's
/// calendar (China Standard Time, UTC+8, as the province reads them), times ISO 8601, numbers invariant.
/// </summary>
public static class SpglFormat
{
    public static readonly TimeSpan RegionOffset = TimeSpan.FromHours(8);
    /// <summary>PFWJYXQX of a document that does not expire (DOMAIN.md).</summary>
    public const string NoExpiry = "9999-01-01";

    public static DateOnly LocalDate(DateTimeOffset t) => DateOnly.FromDateTime(t.ToOffset(RegionOffset).DateTime);
    public static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Date(DateTimeOffset t) => Date(LocalDate(t))!;
    public static string? Time(DateTimeOffset? t) => t?.ToOffset(RegionOffset).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
    public static string Number(decimal n) => n.ToString(CultureInfo.InvariantCulture);
    public static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);
    public static string Flag(bool b) => b ? "1" : "0";
    public static string Key(Guid id) => id.ToString("N");
}
