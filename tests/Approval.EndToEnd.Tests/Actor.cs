namespace Approval.EndToEnd.Tests;

/// <summary>Who makes a request, through the DEV-ONLY header identity (replaced by OIDC tokens in issue 3).</summary>
public sealed record Actor(string User, string Roles, string? Org = null, string? Name = null)
{
    public static readonly Actor Applicant = new("applicant-e2e", "applicant", Name: "示范建设有限公司");
    public static readonly Actor OtherApplicant = new("applicant-other", "applicant", Name: "另一建设公司");
    public static readonly Actor Window = new("window-e2e", "window", Name: "综合窗口王五");
    public static Actor Department(string code) => new($"dept-{code}", "department", code);

    public HttpRequestMessage Request(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Dev-User", User);
        request.Headers.Add("X-Dev-Roles", Roles);
        if (Org is not null) request.Headers.Add("X-Dev-Org", Org);
        if (Name is not null) request.Headers.Add("X-Dev-Name", Uri.EscapeDataString(Name));
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }
}
