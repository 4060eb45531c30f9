using Approval.Contracts.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;

namespace Approval.ServiceDefaults;

/// <summary>
/// Bounds every request body a user can store (drafts, forms, opinions, reasons…): at most
/// <c>Approval:RequestLimits:BodyKilobytes</c> (256 KB by default), else 413 ProblemDetails naming the limit, before
/// any handler runs — so nothing is half-written. Multipart uploads keep their own, larger limit (Intake materials).
/// A body with a length is judged by it; a chunked one is read into memory up to the limit. A too-large body is read
/// and discarded (up to 64 MB) before the answer, so a proxy still sending it (the gateway) passes the 413 on.
/// </summary>
public static class RequestBodyLimit
{
    public const string Setting = "Approval:RequestLimits:BodyKilobytes";
    /// <summary>At most this much of a too-large body is read and discarded before the 413 (the gateway allows 64 MB).</summary>
    public const long MaxDrainBytes = 64L * 1024 * 1024;

    public static WebApplication UseRequestBodyLimit(this WebApplication app)
    {
        var kilobytes = app.Configuration.GetValue<int?>(Setting) ?? 256;
        var limit = kilobytes * 1024L;
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
            if (!hasBody || request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
            {
                await next(http);
                return;
            }
            if (request.ContentLength > limit)
            {
                await RefuseAsync(http, kilobytes);
                return;
            }
            if (request.ContentLength is null)
            {
                var buffer = new MemoryStream();
                var chunk = new byte[16 * 1024];
                int read;
                while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                    if (buffer.Length > limit)
                    {
                        await RefuseAsync(http, kilobytes);
                        return;
                    }
                }
                buffer.Position = 0;
                request.Body = buffer;
                request.ContentLength = buffer.Length;
            }
            else if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max)
            {
                max.MaxRequestBodySize = limit;
            }
            await next(http);
        });
        return app;
    }

    /// <summary>
    /// Reads and discards a too-large body before the 413: a proxy still sending it (the gateway) would otherwise see the
    /// connection reset and answer 502 instead of passing the 413 on. Beyond <see cref="MaxDrainBytes"/> the server stops reading.
    /// </summary>
    public static async Task DrainAsync(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max) max.MaxRequestBodySize = MaxDrainBytes;
        try
        {
            await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
        }
        catch (BadHttpRequestException)
        {
            // Beyond the drain limit: Kestrel closes the connection after the answer.
        }
    }

    private static async Task RefuseAsync(HttpContext http, int kilobytes)
    {
        await DrainAsync(http);
        await ApprovalExceptionHandler.WriteAsync(http, new RequestRefusedException(StatusCodes.Status413PayloadTooLarge, "Request too large / 请求内容过大",
            $"A request body may be at most {kilobytes} KB.", $"请求内容不能超过{kilobytes}KB。"));
    }
}
