using System.Net.Http.Headers;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// Who makes a request. Each actor is a real account of the Identity service (created on first use by the
/// region admin through its API) and every request carries that account's bearer token, obtained through
/// the authorization-code + PKCE flow. Region defaults to the demo region.
/// </summary>
public sealed record Actor(string User, string Roles, string? Org = null, string? Name = null, string? Region = null)
{
    public static readonly Actor Applicant = new("applicant-e2e", "applicant", Name: "示范建设有限公司");
    public static readonly Actor OtherApplicant = new("applicant-other", "applicant", Name: "另一建设公司");
    public static readonly Actor Window = new("window-e2e", "window", Name: "综合窗口王五");
    public static Actor Department(string code) => new($"dept-{code}", "department", code);

    /// <summary>A user of another region with the given role (and organisation code, for departments).</summary>
    public static Actor OfRegion(string region, string roles, string? org = null) =>
        new($"{roles}-{org ?? "x"}-{region}", roles, org, $"外区用户{region}", region);

    public HttpRequestMessage Request(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ActorTokens.For(this));
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }
}
