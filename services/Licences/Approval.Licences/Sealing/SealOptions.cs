using Approval.ServiceDefaults.Options;

namespace Approval.Licences.Sealing;

/// <summary>Approval:Licences configuration.</summary>
public sealed class SealOptions
{
    public const string Section = "Approval:Licences";

    /// <summary>32 hex digits (SM4-128) encrypting seal private keys at rest.</summary>
    public string? SealKeyEncryptionKey { get; set; }

    /// <summary>
    /// The key-encryption key being retired (32 hex digits), set only while rotating it: at start, every seal key still
    /// encrypted under it is re-encrypted under <see cref="SealKeyEncryptionKey"/> (<see cref="SealKeyRewrap"/>).
    /// </summary>
    public string? PreviousSealKeyEncryptionKey { get; set; }

    [Positive]
    public int DepartmentSealYears { get; set; } = 3;
    [Positive]
    public int RootSealYears { get; set; } = 20;

    /// <summary>
    /// Where the public reaches the verification endpoint; the QR code on each certificate points there. Required outside
    /// Development (the service refuses to start without it); in Development it defaults to <see cref="DevelopmentBaseUrl"/>.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The `./approval up` gateway: the QR codes' base in Development only.</summary>
    public const string DevelopmentBaseUrl = "http://127.0.0.1:18080";

    /// <summary>The public local-development key-encryption key the AppHost passes: refused outside Development.</summary>
    public const string SampleKeyEncryptionKey = "000102030405060708090a0b0c0d0e0f";

    /// <summary>How often expired licences are looked for and announced (LicenceExpired).</summary>
    [Positive]
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A font collection (.ttc) or TrueType font with CJK glyphs (Debian fonts-wqy-zenhei).</summary>
    public string FontPath { get; set; } = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
}
