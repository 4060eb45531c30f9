namespace Approval.Licences.Archives;

/// <summary>The fixed names inside an archive package.</summary>
public static class ArchiveLayout
{
    public const string Manifest = "manifest.sm3";
    public const string ManifestSignature = "manifest.sig.json";
    public const string Metadata = "metadata.json";
    public const string Progress = "application/progress.json";
    public static readonly string[] AllowedExtensions = [".json", ".pdf", ".sm3"];
    public const string WholePackage = "(package)";
}
