using PdfSharp.Fonts;

namespace Approval.Licences.Rendering;

/// <summary>Resolves every family to one CJK TrueType face (face 0 of the configured collection).</summary>
public sealed class CjkFontResolver(byte[] font) : IFontResolver
{
    public const string Family = "Approval CJK";
    private const string Face = "approval-cjk";

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Face, bold, false);

    public byte[] GetFont(string faceName) => font;

    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process (PDFsharp's font settings are global).</summary>
    public static void Install(string fontPath)
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is CjkFontResolver) return;
            if (!File.Exists(fontPath))
                throw new FileNotFoundException($"CJK font {fontPath} is missing: install the Debian package fonts-wqy-zenhei (./approval does).", fontPath);
            GlobalFontSettings.FontResolver = new CjkFontResolver(TrueTypeCollection.ExtractFace(File.ReadAllBytes(fontPath)));
        }
    }
}
