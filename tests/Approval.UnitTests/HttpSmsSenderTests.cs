using System.Net;
using System.Text.Json;
using Approval.Notifications;
using Approval.Notifications.Channels;
using Microsoft.Extensions.Options;

namespace Approval.UnitTests;

/// <summary>The real-provider SMS sender, against an in-memory handler standing in for the provider.</summary>
public sealed class HttpSmsSenderTests
{
    private sealed class RecordingHandler(HttpStatusCode status) : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }
        public string Body { get; private set; } = "";

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Request = request;
            Body = await request.Content!.ReadAsStringAsync(ct);
            return new HttpResponseMessage(status);
        }
    }

    private static readonly SmsMessage Message = new(Guid.Parse("0193a000-0000-7000-8000-0000000000aa"), "13800138000", "【工程建设项目审批】您的申请已受理。", "u1", Guid.NewGuid());

    private static HttpSmsSender Sender(RecordingHandler handler) => new(new HttpClient(handler),
        Options.Create(new NotificationOptions { SmsProvider = "http", SmsEndpoint = "http://127.0.0.1:9/sms/send", SmsApiKey = "k1" }));

    [Fact]
    public async Task It_posts_the_number_and_text_with_the_delivery_id_as_idempotency_key()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK);
        await Sender(handler).SendAsync(Message, CancellationToken.None);

        Assert.Equal((HttpMethod.Post, "/sms/send"), (handler.Request!.Method, handler.Request.RequestUri!.AbsolutePath));
        Assert.Equal(Message.DeliveryId.ToString(), handler.Request.Headers.GetValues("Idempotency-Key").Single());
        Assert.Equal("Bearer k1", handler.Request.Headers.Authorization!.ToString());
        var body = JsonDocument.Parse(handler.Body).RootElement;
        Assert.Equal((Message.Mobile, Message.Text), (body.GetProperty("to").GetString(), body.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_provider_error_is_thrown_so_the_dispatcher_retries() =>
        await Assert.ThrowsAsync<HttpRequestException>(() => Sender(new RecordingHandler(HttpStatusCode.ServiceUnavailable)).SendAsync(Message, CancellationToken.None));
}
