namespace Approval.Marketplace.Clients;

/// <summary>
/// Seals a deliverable through Licences (POST /api/licences/seals/sign) with the agency user's own token: the signature is
/// made with the seal of the caller's organisation, never another's.
/// </summary>
public sealed class LicencesClient(HttpClient http, IHttpContextAccessor context)
{
    public async Task<SealSignature> SignAsync(byte[] content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/licences/seals/sign")
        {
            Content = JsonContent.Create(new { content = Convert.ToBase64String(content) }),
        };
        request.Headers.Authorization = CallerToken.Of(context);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new RequestRefusedException(StatusCodes.Status409Conflict, "Sealing failed / 电子签章失败",
                $"Licences could not seal the deliverable with your organisation's seal ({(int)response.StatusCode}): {body}",
                "无法使用本机构电子印章签章，请联系区域管理员制发印章。");
        }
        return await response.Content.ReadFromJsonAsync<SealSignature>(ct) ?? throw new InvalidOperationException("Licences answered no signature");
    }
}

/// <summary>Licences' detached signature: the seal, the SM3 digest and the SM2 signature (base64).</summary>
public sealed record SealSignature(Guid SealId, string SealCode, string Algorithm, string Digest, string Signature, DateTimeOffset SignedAt);
