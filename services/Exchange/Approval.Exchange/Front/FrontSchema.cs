using Approval.Exchange.Domain;

namespace Approval.Exchange.Front;

/// <summary>
/// The DDL of the front database (前置库): one table per national table with the standard's upper-case names (quoted, so
/// PostgreSQL keeps them), its columns, the common columns, and the key the exchange upserts by (region + local key).
/// Created if missing at every round, so an emptied front database is filled again by a backfill.
/// </summary>
public static class FrontSchema
{
    /// <summary>The statements creating the table and its index (one each: a batch command holds one statement).</summary>
    public static IEnumerable<string> CreateTable(SpglTable t)
    {
        var columns = t.Columns.Select(c => $"\"{c.Name}\" {SqlType(c)}");
        yield return $"""
            CREATE TABLE IF NOT EXISTS "{t.Name}" (
                "{SpglCommon.Serial}" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                {string.Join(",\n    ", columns)},
                "{SpglCommon.LocalKey}" varchar(200) NOT NULL,
                "{SpglCommon.Region}" varchar(6) NOT NULL,
                "{SpglCommon.Valid}" integer NOT NULL,
                "{SpglCommon.InvalidReason}" varchar(500),
                "{SpglCommon.UploadState}" integer NOT NULL,
                "{SpglCommon.FailureReason}" varchar(2000),
                "{SpglCommon.UploadedAt}" timestamptz NOT NULL,
                "{SpglCommon.UpdatedAt}" timestamptz NOT NULL,
                UNIQUE ("{SpglCommon.Region}", "{SpglCommon.LocalKey}"))
            """;
        yield return $"""CREATE INDEX IF NOT EXISTS "IX_{t.Name}_{SpglCommon.UploadState}" ON "{t.Name}" ("{SpglCommon.UploadState}")""";
    }

    private static string SqlType(SpglColumn c) => c.Type switch
    {
        SpglType.Int => "integer",
        SpglType.Number => "numeric(18,6)",
        SpglType.Date => "date",
        SpglType.Time => "timestamptz",
        _ => c.Max > 0 ? $"varchar({c.Max})" : "text",
    };

    /// <summary>The upsert of one row: every column, new upload state 0 and no failure reason; the first upload time is kept.</summary>
    public static string Upsert(SpglTable t)
    {
        string[] own = [.. t.Columns.Select(c => c.Name)];
        string[] all = [.. own, SpglCommon.LocalKey, SpglCommon.Region, SpglCommon.Valid, SpglCommon.InvalidReason, SpglCommon.UploadState,
            SpglCommon.FailureReason, SpglCommon.UploadedAt, SpglCommon.UpdatedAt];
        var names = string.Join(", ", all.Select(n => $"\"{n}\""));
        var values = string.Join(", ", all.Select((_, i) => $"${i + 1}"));
        var updates = string.Join(", ", all.Where(n => n is not SpglCommon.LocalKey and not SpglCommon.Region and not SpglCommon.UploadedAt)
            .Select(n => $"\"{n}\" = EXCLUDED.\"{n}\""));
        return $"""
            INSERT INTO "{t.Name}" ({names}) VALUES ({values})
            ON CONFLICT ("{SpglCommon.Region}", "{SpglCommon.LocalKey}") DO UPDATE SET {updates}
            """;
    }
}
