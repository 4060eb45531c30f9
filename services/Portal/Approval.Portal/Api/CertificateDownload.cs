using System.Net.Http.Headers;
using Approval.Portal.Auth;
using Approval.Portal.Clients;

namespace Approval.Portal.Api;

/// <summary>
/// GET /download/licences/{identifier}: the sealed PDF certificate, fetched from the Licences API with the signed-in
/// user's token, so a plain link downloads it (电子证照下载).
/// </summary>
public static class CertificateDownload
{
    public static void MapCertificateDownload(this WebApplication app) =>
        app.MapGet("/download/licences/{identifier}", async (string identifier, HttpContext http, IHttpClientFactory clients) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/licences/{Uri.EscapeDataString(identifier)}/pdf");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", http.User.FindFirst(PortalSignIn.AccessTokenClaim)?.Value);
            using var response = await clients.CreateClient(nameof(LicencesClient)).SendAsync(request, http.RequestAborted);
            if (!response.IsSuccessStatusCode) return Results.StatusCode((int)response.StatusCode);
            var pdf = await response.Content.ReadAsByteArrayAsync(http.RequestAborted);
            return Results.File(pdf, "application/pdf", $"{identifier}.pdf");
        }).RequireAuthorization();

    /// <summary>GET /download/materials/{id}: an application material (Intake checks who may read it).</summary>
    public static void MapMaterialDownload(this WebApplication app) =>
        app.MapGet("/download/materials/{id:guid}", async (Guid id, HttpContext http, IHttpClientFactory clients) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/intake/materials/{id}/content");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", http.User.FindFirst(PortalSignIn.AccessTokenClaim)?.Value);
            using var response = await clients.CreateClient(nameof(IntakeClient)).SendAsync(request, http.RequestAborted);
            if (!response.IsSuccessStatusCode) return Results.StatusCode((int)response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync(http.RequestAborted);
            var type = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
            return Results.File(bytes, type, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? id.ToString());
        }).RequireAuthorization();
}
