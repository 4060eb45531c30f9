namespace Approval.Marketplace.Domain;

/// <summary>
/// A deliverable (服务成果): the PDF the commissioned agency uploaded, sealed with its e-seal (a detached SM2 signature
/// over the SM3 digest, made by Licences), kept with the project phase and offered to the applicant as a material.
/// </summary>
public sealed class Deliverable
{
    public const int MaxBytes = 20 * 1024 * 1024;

    public Guid Id { get; init; }
    public Guid CommissionId { get; init; }
    /// <summary>The material-list entry it serves (e.g. 可行性研究报告).</summary>
    public required string Name { get; init; }
    public required string FileName { get; init; }
    public string ContentType { get; init; } = "application/pdf";
    public required string Sha256 { get; init; }
    public required byte[] Content { get; init; }
    public Guid SealId { get; init; }
    public required string SealCode { get; init; }
    public required string Signature { get; init; }
    public DateTimeOffset DeliveredAt { get; init; }

    /// <summary>The file as sent: a PDF (its %PDF- header) of at most 20 MB with a file name; 400 naming the field otherwise.</summary>
    public static byte[] CheckPdf(string? fileName, string? base64)
    {
        var errors = new FieldErrors();
        errors.Require(AgencyProfileRules.Text(fileName, 200) && fileName!.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase), "fileName",
            "is required, a .pdf name of at most 200 characters", "文件名必填，须为.pdf文件，最多200字");
        byte[]? content = null;
        if (!string.IsNullOrEmpty(base64) && base64.Length <= (MaxBytes / 3 + 1) * 4)
        {
            var buffer = new byte[base64.Length];
            if (Convert.TryFromBase64String(base64, buffer, out var written)) content = buffer[..written];
        }
        errors.Require(content is { Length: > 0 and <= MaxBytes }, "content", "must be base64 of at most 20 MB", "文件内容须为base64编码，最大20MB");
        errors.Require(content is null || content.AsSpan().StartsWith("%PDF-"u8), "content", "must be a PDF file (%PDF-)", "服务成果须为PDF文件");
        errors.ThrowIfAny();
        return content!;
    }
}
