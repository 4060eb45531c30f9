namespace Approval.EndToEnd.Tests;

/// <summary>
/// The access matrix: for every object endpoint, a second applicant, a department the item is not routed to,
/// and a user of another region (holding the very role that would otherwise be allowed) are refused —
/// 404 when the caller may use the endpoint but not this object (its existence is not revealed), 403 when
/// the caller's role may not use the endpoint at all. A new object endpoint joins by adding a row.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class AccessMatrixTests(SuiteFixture suite)
{
    private const string OtherRegion = "320200";
    private static readonly HttpStatusCode NotFound = HttpStatusCode.NotFound, Forbidden = HttpStatusCode.Forbidden;

    /// <summary>One object endpoint: path with {application} / {item}, the role it serves, and what each intruder gets.</summary>
    public sealed record Row(string Method, string Path, object? Body, Actor OtherRegionUser,
        HttpStatusCode SecondApplicant, HttpStatusCode UnroutedDepartment, HttpStatusCode OtherRegionStatus);

    private static readonly Actor OtherRegionApplicant = Actor.OfRegion(OtherRegion, "applicant");
    private static readonly Actor OtherRegionWindow = Actor.OfRegion(OtherRegion, "window", "ZHCK");
    private static readonly Actor OtherRegionZjj = Actor.OfRegion(OtherRegion, "department", "ZJJ");

    public static readonly Row[] Rows =
    [
        // Intake: the applicant's own applications; the window's decisions.
        new("GET", "/api/intake/applications/{application}", null, OtherRegionWindow, NotFound, NotFound, NotFound),
        new("GET", "/api/intake/applications/{application}/progress", null, OtherRegionWindow, NotFound, NotFound, NotFound),
        new("POST", "/api/intake/applications/{application}/withdraw", null, OtherRegionApplicant, NotFound, Forbidden, NotFound),
        new("POST", "/api/intake/applications/{application}/accept", null, OtherRegionWindow, Forbidden, Forbidden, NotFound),
        new("POST", "/api/intake/applications/{application}/refuse", new { reason = "越权" }, OtherRegionWindow, Forbidden, Forbidden, NotFound),
        new("POST", "/api/intake/applications/{application}/reject-out-of-scope", new { reason = "越权" }, OtherRegionWindow, Forbidden, Forbidden, NotFound),
        // Approvals: only the department the item is routed to, in its region.
        new("GET", "/api/approvals/items/{item}", null, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("GET", "/api/approvals/items/{item}/steps", null, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("POST", "/api/approvals/items/{item}/start", new { }, OtherRegionZjj, Forbidden, NotFound, NotFound),
        new("POST", "/api/approvals/items/{item}/conclude", new { approved = true, opinion = "越权" }, OtherRegionZjj, Forbidden, NotFound, NotFound),
    ];

    public static TheoryData<int> RowNumbers() => new(Enumerable.Range(0, Rows.Length));

    private readonly SuiteApi api = new(suite.Gateway);

    [Theory]
    [MemberData(nameof(RowNumbers))]
    public async Task A_second_applicant_an_unrouted_department_and_another_regions_user_are_refused(int row)
    {
        var r = Rows[row];
        // A fresh case per row: the application accepted by the window, its ZJJ item routed to ZJJ only.
        var application = await api.SubmitAsync(Actor.Applicant, $"访问矩阵第{row}行");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{application}/accept");
        var item = await api.ItemRoutedToAsync("ZJJ", application);
        var path = r.Path.Replace("{application}", application.ToString()).Replace("{item}", item.ToString());
        var method = new HttpMethod(r.Method);

        await api.ExpectAsync(r.SecondApplicant, Actor.OtherApplicant, method, path, r.Body);
        await api.ExpectAsync(r.UnroutedDepartment, Actor.Department("CGJ"), method, path, r.Body);
        await api.ExpectAsync(r.OtherRegionStatus, r.OtherRegionUser, method, path, r.Body);

        // Nothing changed: the application is still 已受理 and the item still waits for ZJJ.
        var progress = await api.ProgressAsync(Actor.Applicant, application);
        Assert.Equal(3, progress.GetProperty("application").GetProperty("statusCode").GetInt32());
        var own = await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("ZJJ"), HttpMethod.Get, $"/api/approvals/items/{item}");
        Assert.Equal(3, own.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Lists_show_nothing_of_another_department_or_region()
    {
        var application = await api.SubmitAsync(Actor.Applicant, "列表隔离的项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{application}/accept");
        await api.ItemRoutedToAsync("ZJJ", application);

        var zjjElsewhere = await api.ExpectAsync(HttpStatusCode.OK, OtherRegionZjj, HttpMethod.Get, $"/api/approvals/items?applicationId={application}");
        Assert.Equal(0, zjjElsewhere.GetArrayLength());
        var windowElsewhere = await api.ExpectAsync(HttpStatusCode.OK, OtherRegionWindow, HttpMethod.Get, "/api/intake/applications");
        Assert.DoesNotContain(windowElsewhere.EnumerateArray(), a => a.GetProperty("id").GetGuid() == application);
        var cgj = await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("CGJ"), HttpMethod.Get, $"/api/approvals/items?applicationId={application}");
        Assert.All(cgj.EnumerateArray(), i => Assert.Equal("CGJ", i.GetProperty("departmentCode").GetString()));
    }
}
