using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// The access matrix (AccessMatrixRows): for every object endpoint, a second applicant, a department the object is
/// not routed to, a user of another region (holding the very role that would otherwise be allowed) and an anonymous
/// caller are refused; then the owner succeeds, which also shows no intruder used the object up. A row that changes
/// state gets a case of its own; read-only rows share one case per kind of object.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class AccessMatrixTests(SuiteFixture suite)
{
    private static readonly MatrixRow[] Rows = AccessMatrixRows.Rows;
    private static readonly ConcurrentDictionary<string, MatrixCase> SharedCases = new();

    public static TheoryData<int> RowNumbers() => new(Enumerable.Range(0, Rows.Length));

    private readonly SuiteApi api = new(suite.Gateway);
    private readonly IntakeApi intake = new(suite.Gateway);

    [Theory]
    [MemberData(nameof(RowNumbers))]
    public async Task Intruders_are_refused_and_the_owner_is_not(int row)
    {
        var r = Rows[row];
        // The rows of one class run one after another; a case that failed to be made is not kept for the next row.
        var kind = MatrixCase.Kind(r);
        var c = r.ReadOnly && SharedCases.TryGetValue(kind, out var shared) ? shared : await MatrixCase.CreateAsync(api, intake, r, row);
        if (r.ReadOnly) SharedCases[kind] = c;
        var path = c.Fill(r.Path);
        var before = await c.StateAsync(api);

        var failures = new List<string>();
        async Task Expect(string who, HttpStatusCode expected, Actor? actor)
        {
            var (status, text) = await SendAsync(r, c, path, actor);
            if (status != expected) failures.Add($"{who}: expected {(int)expected}, got {(int)status} {text[..Math.Min(text.Length, 200)]}");
        }
        await Expect("anonymous", r.Anonymous, null);
        await Expect("second applicant", r.SecondApplicant, r.Second ?? Actor.OtherApplicant);
        if (r.Second is not null) await Expect("other applicant", r.SecondApplicant, Actor.OtherApplicant);
        await Expect($"unrouted department {r.Unrouted}", r.UnroutedDepartment, Actor.Department(r.Unrouted));
        await Expect($"other region's {r.OtherRegionUser.Roles}", r.OtherRegionStatus, r.OtherRegionUser);

        // Nothing changed: the application and its ZJJ item are where the case left them.
        if (await c.StateAsync(api) is var after && after != before) failures.Add($"the intruders changed the case: {before} → {after}");
        if (r.Owner is { } owner) await Expect($"owner {owner.User}", r.OwnerStatus, owner);
        Assert.True(failures.Count == 0, $"{r}:\n" + string.Join("\n", failures));
    }

    private async Task<(HttpStatusCode Status, string Text)> SendAsync(MatrixRow r, MatrixCase c, string path, Actor? actor)
    {
        var method = new HttpMethod(r.Method);
        if (r.Portal)
        {
            var session = actor is null ? PortalSession.Anonymous(suite.Gateway.BaseAddress!) : await PortalSession.ForAsync(suite.Gateway.BaseAddress!, actor);
            using var portal = await session.SendAsync(method, path);
            if (actor is null) session.Dispose();
            return (portal.StatusCode, portal.Content.Headers.ContentType?.MediaType == "application/pdf" ? "(pdf)" : await portal.Content.ReadAsStringAsync());
        }
        using var request = actor?.Request(method, path, c.Body(r)) ?? new HttpRequestMessage(method, path) { Content = c.Body(r) is { } body ? JsonContent.Create(body) : null };
        if (path.EndsWith("/stream", StringComparison.Ordinal)) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        // The department-system API wants one on every call; a fresh key, so no answer is replayed from another caller's.
        request.Headers.Add("Idempotency-Key", $"matrix-{Guid.NewGuid():N}");
        using var response = await suite.Gateway.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        // A stream the caller may read never ends: its status is the answer.
        var text = response.Content.Headers.ContentType?.MediaType is "text/event-stream" or "application/pdf" or "application/zip"
            ? $"({response.Content.Headers.ContentType.MediaType})" : await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text);
    }

    [Fact]
    public async Task Lists_show_nothing_of_another_department_or_region()
    {
        var application = await api.SubmitAsync(Actor.Applicant, "列表隔离的项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{application}/accept");
        await api.ItemRoutedToAsync("ZJJ", application);
        await api.ItemRoutedToAsync("CGJ", application);

        var zjjElsewhere = await api.ExpectAsync(HttpStatusCode.OK, AccessMatrixRows.OtherRegionZjj, HttpMethod.Get, $"/api/approvals/items?applicationId={application}");
        Assert.Equal(0, zjjElsewhere.GetArrayLength());
        var windowElsewhere = await api.ExpectAsync(HttpStatusCode.OK, AccessMatrixRows.OtherRegionWindow, HttpMethod.Get, "/api/intake/applications");
        Assert.DoesNotContain(windowElsewhere.EnumerateArray(), a => a.GetProperty("id").GetGuid() == application);
        var question = (await api.ExpectAsync(HttpStatusCode.Created, Actor.Applicant, HttpMethod.Post, "/api/catalog/items/320193-ZJ-SG-001/questions",
            new { text = "列表隔离的咨询" })).GetProperty("id").GetGuid();
        Assert.Contains((await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("ZJJ"), HttpMethod.Get, "/api/catalog/questions")).EnumerateArray(),
            q => q.GetProperty("id").GetGuid() == question);
        var questionsElsewhere = await api.ExpectAsync(HttpStatusCode.OK, AccessMatrixRows.OtherRegionZjj, HttpMethod.Get, "/api/catalog/questions");
        Assert.DoesNotContain(questionsElsewhere.EnumerateArray(), q => q.GetProperty("id").GetGuid() == question);
        var cgj = await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("CGJ"), HttpMethod.Get, $"/api/approvals/items?applicationId={application}");
        Assert.NotEmpty(cgj.EnumerateArray());
        Assert.All(cgj.EnumerateArray(), i => Assert.Equal("CGJ", i.GetProperty("departmentCode").GetString()));
    }
}
