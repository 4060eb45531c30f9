namespace Approval.Intake.Api;

/// <summary>The upload size limit: 20 MB of file, plus room for the multipart envelope.</summary>
public static class MaterialLimits
{
    public const int MaxMegabytes = 20;
    public const long MaxBytes = MaxMegabytes * 1024L * 1024L;
    public const long MaxRequestBytes = MaxBytes + 64 * 1024;

    public static RequestRefusedException TooLarge() => new(StatusCodes.Status413PayloadTooLarge, "Material too large / 材料过大",
        $"A material may be at most {MaxMegabytes} MB.", $"单个材料不能超过{MaxMegabytes}MB。");
}
