using System.Net.Http.Json;

namespace Approval.Reviews.Clients;

/// <summary>
/// Seals a result file with the calling agency's e-seal through Licences (POST /api/licences/seals/sign), with the agency
/// user's own token: Licences picks the seal of the caller's organisation, so an agency can only seal as itself.
/// </summary>
public sealed class LicencesClient(HttpClient http, IHttpContextAccessor context)
{
    public async Task<DetachedSignature> SignAsync(byte[] content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/licences/seals/sign")
        {
            Content = JsonContent.Create(new { content = Convert.ToBase64String(content) }),
        };
        request.Headers.Authorization = CallerToken.Of(context);
        using var response = await http.SendAsync(request, ct);
        if ((int)response.StatusCode is >= 400 and < 500)
            throw new RequestRefusedException(409, "No valid seal / 无有效印章",
                $"The agency's result could not be sealed (Licences answered {(int)response.StatusCode}): the region admin must provision the agency's e-seal.",
                $"审查结果无法加盖电子印章（电子证照服务返回{(int)response.StatusCode}），请区域管理员为审查机构制发电子印章。");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DetachedSignature>(ct))!;
    }
}

public sealed record DetachedSignature(Guid SealId, string SealCode, string Algorithm, string Digest, string Signature, DateTimeOffset SignedAt);
