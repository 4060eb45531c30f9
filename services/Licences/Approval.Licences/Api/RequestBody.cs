namespace Approval.Licences.Api;

/// <summary>Reads an uploaded file (the raw request body) up to a size limit.</summary>
public static class RequestBody
{
    public const int MaxBytes = 20 * 1024 * 1024;

    public static async Task<byte[]> ReadAsync(HttpRequest request, string field, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > MaxBytes) throw ValidationException.For(field, $"must be at most {MaxBytes / 1024 / 1024} MiB", "文件过大");
            buffer.Write(chunk, 0, n);
        }
        if (buffer.Length == 0) throw ValidationException.For(field, "the request body must carry the file", "请求体中缺少文件");
        return buffer.ToArray();
    }
}
