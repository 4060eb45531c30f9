using System.Net.Http.Headers;
using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>Licence calls through the gateway: anonymous verification and uploads of raw files.</summary>
public sealed class LicenceApi(HttpClient gateway)
{
    /// <summary>GET without any identity (what a member of the public scanning the QR code does).</summary>
    public async Task<JsonElement> AnonymousGetAsync(string pathAndQuery)
    {
        using var response = await gateway.GetAsync(pathAndQuery);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {pathAndQuery}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<JsonElement> VerifyAsync(string identifier) => AnonymousGetAsync($"/api/licences/verify/{identifier}");

    /// <summary>Posts a file as the raw body, anonymously unless an actor is given.</summary>
    public async Task<JsonElement> UploadAsync(string path, byte[] file, string mediaType, Actor? actor = null)
    {
        using var request = actor?.Request(HttpMethod.Post, path) ?? new HttpRequestMessage(HttpMethod.Post, path);
        request.Content = new ByteArrayContent(file);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await gateway.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<byte[]> DownloadAsync(Actor actor, string path)
    {
        using var response = await gateway.SendAsync(actor.Request(HttpMethod.Get, path));
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>A copy with one byte changed inside the first occurrence of <paramref name="marker"/> (or in the middle).</summary>
    public static byte[] WithOneByteAltered(byte[] file, byte[]? marker = null)
    {
        var copy = (byte[])file.Clone();
        var at = marker is null ? copy.Length / 2 : copy.AsSpan().IndexOf(marker);
        Assert.True(at >= 0, "the marker is in the file");
        copy[at] ^= 0x01;
        return copy;
    }
}
