using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Intake.Api;

/// <summary>The upload size limit: 20 MB of file, plus room for the multipart envelope.</summary>
public static class MaterialLimits
{
    public const int MaxMegabytes = 20;
    public const long MaxBytes = MaxMegabytes * 1024L * 1024L;
    public const long MaxRequestBytes = MaxBytes + 64 * 1024;

    /// <summary>At most this much of a too-large body is read and discarded before the 413 (the gateway allows 64 MB).</summary>
    public const long MaxDrainBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Reads and discards the body before answering 413: a proxy still sending it (the gateway) would otherwise see the
    /// connection reset and answer 502 instead of passing the 413 on. Beyond <see cref="MaxDrainBytes"/> the server stops reading.
    /// </summary>
    public static async Task<ProblemHttpResult> DrainAndRefuseAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxDrainBytes;
        try
        {
            await http.Request.Body.CopyToAsync(Stream.Null, ct);
        }
        catch (BadHttpRequestException)
        {
            // Larger than the drain limit: Kestrel closes the connection after the answer.
        }
        return TooLarge();
    }

    public static ProblemHttpResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Material too large / 材料过大",
        detail: $"A material may be at most {MaxMegabytes} MB. 单个材料不能超过{MaxMegabytes}MB。");
}
