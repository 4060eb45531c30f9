using System.Net.Http.Json;
using Approval.Contracts.Errors;
using Microsoft.AspNetCore.Http;

namespace Approval.ServiceDefaults.Http;

/// <summary>
/// Seals a result or deliverable through Licences (POST /api/licences/seals/sign) with the caller's own token: Licences
/// signs with the seal of the caller's organisation (a review agency, an intermediary), so nobody can seal as another.
/// Registered by a service that seals with <c>builder.AddServiceClient&lt;SealingClient&gt;("licences")</c>.
/// </summary>
public sealed class SealingClient(HttpClient http, IHttpContextAccessor context)
{
    public async Task<DetachedSignature> SignAsync(byte[] content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/licences/seals/sign")
        {
            Content = JsonContent.Create(new { content = Convert.ToBase64String(content) }),
        };
        request.Headers.Authorization = context.HttpContext.Bearer();
        using var response = await http.SendAsync(request, ct);
        if ((int)response.StatusCode is >= 400 and < 500)
            throw new RequestRefusedException(StatusCodes.Status409Conflict, "No valid seal / 无有效印章",
                $"The file could not be sealed with your organisation's e-seal (Licences answered {(int)response.StatusCode}): the region admin must provision it.",
                $"无法加盖本机构电子印章（电子证照服务返回{(int)response.StatusCode}），请区域管理员制发电子印章。");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<DetachedSignature>(ct) ?? throw new InvalidOperationException("Licences answered no signature");
    }
}

/// <summary>Licences' detached signature: the seal, the SM3 digest and the SM2 signature (base64).</summary>
public sealed record DetachedSignature(Guid SealId, string SealCode, string Algorithm, string Digest, string Signature, DateTimeOffset SignedAt);
