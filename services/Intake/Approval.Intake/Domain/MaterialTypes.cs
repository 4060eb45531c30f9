namespace Approval.Intake.Domain;

/// <summary>
/// The file types accepted as materials, checked by extension AND by the first bytes of the content (magic bytes):
/// PDF (%PDF-), JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A) and OFD (a ZIP container, PK 03 04).
/// A renamed executable fails the content check.
/// </summary>
public static class MaterialTypes
{
    private sealed record Kind(string ContentType, string[] Extensions, byte[] Magic);

    private static readonly Kind[] Kinds =
    [
        new("application/pdf", [".pdf"], "%PDF-"u8.ToArray()),
        new("image/jpeg", [".jpg", ".jpeg"], [0xFF, 0xD8, 0xFF]),
        new("image/png", [".png"], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        new("application/ofd", [".ofd"], [0x50, 0x4B, 0x03, 0x04]),
    ];

    /// <summary>How many leading bytes <see cref="Check"/> needs.</summary>
    public const int HeaderLength = 8;

    public static string AllowedExtensions => string.Join(", ", Kinds.SelectMany(k => k.Extensions));

    /// <summary>The content type when extension and content agree; otherwise null and the reason (English / 中文).</summary>
    public static (string? ContentType, string? Problem) Check(string? fileName, ReadOnlySpan<byte> header)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        var kind = Kinds.FirstOrDefault(k => k.Extensions.Contains(extension));
        if (kind is null)
            return (null, $"file type '{extension}' is not allowed; allowed: {AllowedExtensions} / 不允许的文件类型，仅允许：{AllowedExtensions}");
        if (!header.StartsWith(kind.Magic))
            return (null, $"the content is not a {extension} file (its first bytes do not match) / 文件内容与扩展名{extension}不符");
        return (kind.ContentType, null);
    }
}
