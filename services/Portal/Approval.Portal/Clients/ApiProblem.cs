using System.Net;
using System.Text.Json;

namespace Approval.Portal.Clients;

/// <summary>
/// An API answered with an error (RFC 9457 ProblemDetails): the message to show, and per-field errors
/// ("form.建设规模" → messages) to show next to the fields.
/// </summary>
public sealed class ApiProblem(HttpStatusCode status, string message, IReadOnlyDictionary<string, string[]> fieldErrors) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
    public IReadOnlyDictionary<string, string[]> FieldErrors { get; } = fieldErrors;

    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        string? title = null, detail = null;
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
                detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                    foreach (var field in errors.EnumerateObject())
                        fields[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? field.Value.EnumerateArray().Select(e => e.ToString()).ToArray()
                            : [field.Value.ToString()];
            }
        }
        catch (JsonException)
        {
            // not a ProblemDetails body: the status line says enough
        }
        var message = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "登录已过期或未登录，请重新登录。",
            HttpStatusCode.Forbidden => "您没有办理此事的权限。",
            _ => detail ?? title ?? $"请求失败（{(int)response.StatusCode}）",
        };
        if (fields.Count > 0 && detail is null) message = "填写有误，请按提示修改。" + (title is null ? "" : $"（{title}）");
        return new ApiProblem(response.StatusCode, message, fields);
    }
}
