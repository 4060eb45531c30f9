using System.Security.Cryptography;

namespace Approval.Catalog.Api;

/// <summary>
/// For public catalog GETs: a strong ETag over the answer's bytes and Cache-Control; a request whose If-None-Match
/// names the current ETag gets 304 without a body. Any change to the catalog (a publication, a published FAQ) changes
/// the bytes and so the ETag.
/// </summary>
public sealed class ETagMiddleware(RequestDelegate next)
{
    public const string CacheControl = "public, max-age=60";

    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method) || http.GetEndpoint()?.Metadata.GetMetadata<PublicCacheable>() is null)
        {
            await next(http);
            return;
        }
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }
        if (http.Response.StatusCode == StatusCodes.Status200OK)
        {
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()))[..32]}\"";
            http.Response.Headers.ETag = etag;
            http.Response.Headers.CacheControl = CacheControl;
            if (Matches(http.Request.Headers.IfNoneMatch, etag))
            {
                http.Response.StatusCode = StatusCodes.Status304NotModified;
                http.Response.ContentLength = null;
                http.Response.Headers.ContentType = default;
                return;
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag) =>
        ifNoneMatch.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries))
            .Any(tag => tag == "*" || tag == etag || tag == "W/" + etag);
}
