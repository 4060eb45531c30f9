using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Approval.Notifications.Channels;

/// <summary>
/// A real SMS provider over HTTP (Approval:Notifications:SmsProvider = "http"): POSTs {to, text, reference} to
/// SmsEndpoint with SmsApiKey as bearer token and the delivery id as Idempotency-Key, so a resend after a crash
/// between the provider's answer and our commit is dropped by the provider. A non-2xx answer is retried.
/// </summary>
public sealed class HttpSmsSender(HttpClient http, IOptions<NotificationOptions> options) : ISmsSender
{
    public async Task SendAsync(SmsMessage m, CancellationToken ct)
    {
        var o = options.Value;
        var endpoint = o.SmsEndpoint ?? throw new InvalidOperationException("Approval:Notifications:SmsEndpoint is not configured.");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = JsonContent.Create(new { to = m.Mobile, text = m.Text, reference = m.DeliveryId }),
        };
        request.Headers.Add("Idempotency-Key", m.DeliveryId.ToString());
        if (!string.IsNullOrEmpty(o.SmsApiKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.SmsApiKey);
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }
}
