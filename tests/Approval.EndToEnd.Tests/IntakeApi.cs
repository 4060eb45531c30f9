using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>Intake calls the window and materials tests share: multipart uploads, submissions with materials, the SSE reader.</summary>
public sealed class IntakeApi(HttpClient gateway)
{
    private readonly SuiteApi api = new(gateway);

    public static byte[] Pdf(string text) => Encoding.UTF8.GetBytes($"%PDF-1.7\n% {text}\n%%EOF\n");

    /// <summary>A fresh applicant account, so lists of materials and licences hold only what this test made.</summary>
    public static Actor NewApplicant(string name) => new($"applicant-{Guid.NewGuid():N}"[..30], "applicant", Name: name);

    public async Task<HttpResponseMessage> UploadAsync(Actor actor, string fileName, byte[] content)
    {
        using var request = actor.Request(HttpMethod.Post, "/api/intake/materials");
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        request.Content = form;
        return await gateway.SendAsync(request);
    }

    public async Task<JsonElement> UploadOkAsync(Actor actor, string fileName, byte[] content)
    {
        using var response = await UploadAsync(actor, fileName, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"upload {fileName}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<Guid> SubmitAsync(Actor applicant, string projectName, object[]? materials = null)
    {
        var phase = await api.PhaseAsync(applicant);
        var created = await api.ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post, "/api/intake/applications",
            new { projectCode = phase.ProjectCode, engineeringCode = phase.EngineeringCode, projectName, stageNo = 3, itemCodes = SuiteApi.SkeletonItems, form = SuiteApi.SkeletonForm, materials });
        return created.GetProperty("id").GetGuid();
    }

    public async Task<(HttpStatusCode Status, byte[] Body)> DownloadAsync(Actor actor, Guid materialId)
    {
        using var response = await gateway.SendAsync(actor.Request(HttpMethod.Get, $"/api/intake/materials/{materialId}/content"));
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Opens the application's progress stream through the gateway (optionally resuming after an event id).</summary>
    public async Task<ProgressStream> OpenStreamAsync(Actor actor, Guid applicationId, long? lastEventId = null)
    {
        var request = actor.Request(HttpMethod.Get, $"/api/intake/applications/{applicationId}/progress/stream");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId.Value.ToString());
        var response = await gateway.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new ProgressStream(request, response);
    }
}

/// <summary>A server-sent-events reader: each event's id and JSON data, read with a deadline.</summary>
public sealed class ProgressStream(HttpRequestMessage request, HttpResponseMessage response) : IAsyncDisposable
{
    private StreamReader? reader;

    public HttpResponseMessage Response => response;

    public async Task<(long Id, JsonElement Data)> NextAsync(int seconds = 30)
    {
        reader ??= new StreamReader(await response.Content.ReadAsStreamAsync());
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        string? id = null, data = null;
        while (true)
        {
            var line = await reader.ReadLineAsync(deadline.Token) ?? throw new EndOfStreamException("the progress stream ended");
            if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
            else if (line.Length == 0 && id is not null && data is not null) return (long.Parse(id), JsonDocument.Parse(data).RootElement.Clone());
        }
    }

    /// <summary>Reads events until one of the application itself (no item code) arrives; returns its status code and event id.</summary>
    public async Task<(long Id, int Status, JsonElement Data)> NextApplicationStepAsync()
    {
        while (true)
        {
            var (id, data) = await NextAsync();
            if (data.GetProperty("itemCode").ValueKind == JsonValueKind.Null) return (id, data.GetProperty("statusCode").GetInt32(), data);
        }
    }

    public ValueTask DisposeAsync()
    {
        reader?.Dispose();
        response.Dispose();
        request.Dispose();
        return ValueTask.CompletedTask;
    }
}
