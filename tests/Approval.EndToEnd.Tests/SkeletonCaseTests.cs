using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>One real case carried from application to e-certificate across Catalog, Intake, Approvals and Licences.</summary>
[Collection(SuiteCollection.Name)]
public sealed class SkeletonCaseTests(SuiteFixture suite)
{
    private readonly SuiteApi api = new(suite.Gateway);
    private readonly LicenceApi licences = new(suite.Gateway);

    [Fact]
    public async Task An_accepted_application_with_two_approved_items_yields_two_certificates_and_a_full_timeline()
    {
        var id = await api.SubmitAsync(Actor.Applicant);
        var accepted = await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        Assert.Equal(3, accepted.GetProperty("statusCode").GetInt32());

        foreach (var department in new[] { "ZJJ", "CGJ" })
        {
            var item = await api.ItemRoutedToAsync(department, id);
            var actor = Actor.Department(department);
            await api.ExpectAsync(HttpStatusCode.OK, actor, HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
            await api.ReviewPassedAsync(Actor.Applicant, item, department);
            var concluded = await api.ExpectAsync(HttpStatusCode.OK, actor, HttpMethod.Post, $"/api/approvals/items/{item}/conclude",
                new { approved = true, opinion = "符合条件，准予许可" });
            Assert.Equal("办结（通过）", concluded.GetProperty("statusName").GetString());
        }

        var progress = await SuiteApi.PollAsync(() => api.ProgressAsync(Actor.Applicant, id),
            p => p.GetProperty("licences").GetArrayLength() == 2 && p.GetProperty("timeline").GetArrayLength() == 9,
            "both certificates are issued and every step is in the timeline");

        // 已接件, 已受理 and (once the milestone item, the permit, concluded) 11 阶段办结（通过） for the application;
        // 已受理, 部门开始办理, 办结（通过） for each item.
        var steps = progress.GetProperty("timeline").EnumerateArray()
            .Select(e => (Item: e.GetProperty("itemCode").GetString(), Code: e.GetProperty("statusCode").GetInt32(), Name: e.GetProperty("statusName").GetString()))
            .ToList();
        Assert.Equal([(null, 1, "已接件"), (null, 3, "已受理"), (null, 11, "阶段办结（通过）")], steps.Where(s => s.Item is null));
        // The application follows its stage: 11 办结（通过）, no longer 3 已受理 (issue 15).
        var application = progress.GetProperty("application");
        Assert.Equal((11, "办结（通过）"), (application.GetProperty("statusCode").GetInt32(), application.GetProperty("statusName").GetString()));
        foreach (var item in new[] { "320193-ZJ-SG-001", "320193-CG-SG-001" })
            Assert.Equal([3, 8, 11], steps.Where(s => s.Item == item).Select(s => s.Code));

        foreach (var licence in progress.GetProperty("licences").EnumerateArray())
        {
            var identifier = licence.GetProperty("identifier").GetString()!;
            Assert.StartsWith("1.2.156.3005.2.", identifier);
            // The public licence library answers for it without a token.
            var found = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/licences/{identifier}");
            Assert.Equal("2509-320193-89-01-544060", found.GetProperty("projectCode").GetString());
            Assert.Equal("示范建设有限公司", found.GetProperty("holder").GetString());
            // Its issue is in the licence library's audit log, once.
            var audit = await api.ExpectAsync(HttpStatusCode.OK, new Actor("supervisor-e2e", "supervisor", Name: "监察科赵六"), HttpMethod.Get,
                $"/api/licences/audit?objectId={Uri.EscapeDataString(identifier)}");
            Assert.Single(audit.EnumerateArray(), r => r.GetProperty("action").GetString() == "state-change");
        }

        await TheCertificateIsASealedPdfWhoseQrVerifiesWithoutAToken(progress.GetProperty("licences")[0].GetProperty("identifier").GetString()!);
        await TheArchivePackagePassesItsCheck(id);
    }

    /// <summary>Done-when of issue 8: the QR code on the PDF opens a public verification that says valid; one altered byte fails.</summary>
    private async Task TheCertificateIsASealedPdfWhoseQrVerifiesWithoutAToken(string identifier)
    {
        var pdf = await licences.DownloadAsync(Actor.Applicant, $"/api/licences/{identifier}/pdf");
        var url = new Uri(await QrCodeReader.DecodeFromPdfAsync(pdf));
        Assert.Equal($"/api/licences/verify/{identifier}", url.AbsolutePath);

        var verified = await licences.AnonymousGetAsync(url.PathAndQuery);
        Assert.Equal(("valid", true), (verified.GetProperty("status").GetString(), verified.GetProperty("verified").GetBoolean()));
        Assert.Equal("示范建设有限公司", verified.GetProperty("licence").GetProperty("holder").GetString());
        Assert.True(verified.GetProperty("proof").GetProperty("contentVerified").GetBoolean());

        var document = await licences.UploadAsync("/api/licences/verify/document", pdf, "application/pdf");
        Assert.True(document.GetProperty("verified").GetBoolean(), document.ToString());

        var tampered = await licences.UploadAsync("/api/licences/verify/document", LicenceApi.WithOneByteAltered(pdf), "application/pdf");
        Assert.False(tampered.GetProperty("verified").GetBoolean());
        Assert.Equal(identifier, tampered.GetProperty("identifier").GetString());
        Assert.Contains(tampered.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("altered", StringComparison.Ordinal));
    }

    /// <summary>Done-when of issue 8: the archive package passes the check; one altered byte fails it, naming the file.</summary>
    private async Task TheArchivePackagePassesItsCheck(Guid applicationId)
    {
        await api.ExpectAsync(HttpStatusCode.Created, Actor.Window, HttpMethod.Post, $"/api/licences/archives/{applicationId}");
        var package = await licences.DownloadAsync(Actor.Window, $"/api/licences/archives/{applicationId}");

        var check = await licences.UploadAsync("/api/licences/archives/check", package, "application/zip", Actor.Window);
        Assert.True(check.GetProperty("passed").GetBoolean(), check.ToString());

        var altered = LicenceApi.WithOneByteAltered(package, "\"timeline\""u8.ToArray());
        var failed = await licences.UploadAsync("/api/licences/archives/check", altered, "application/zip", Actor.Window);
        Assert.False(failed.GetProperty("passed").GetBoolean());
        Assert.Contains(failed.GetProperty("integrity").GetProperty("failures").EnumerateArray(),
            f => f.GetProperty("file").GetString() == "application/progress.json");
    }

    [Fact]
    public async Task A_refused_application_records_its_reason_and_starts_no_item()
    {
        var id = await api.SubmitAsync(Actor.Applicant, "不予受理的项目");
        var refused = await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/refuse",
            new { reason = "项目不属于本审批阶段" });
        Assert.Equal(5, refused.GetProperty("statusCode").GetInt32());

        var progress = await api.ProgressAsync(Actor.Applicant, id);
        var last = progress.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal(("不予受理", "项目不属于本审批阶段"), (last.GetProperty("statusName").GetString(), last.GetProperty("opinion").GetString()));
        Assert.Equal("项目不属于本审批阶段", progress.GetProperty("application").GetProperty("decisionReason").GetString());

        await api.ExpectAsync(HttpStatusCode.Conflict, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        var items = await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("ZJJ"), HttpMethod.Get, $"/api/approvals/items?applicationId={id}");
        Assert.Equal(0, items.GetArrayLength());
    }

    [Fact]
    public async Task The_API_documents_of_every_service_are_served_through_the_gateway()
    {
        foreach (var service in new[] { "catalog", "intake", "approvals", "licences" })
        {
            var document = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json");
            Assert.Contains(document.GetProperty("paths").EnumerateObject(), p => p.Name.StartsWith($"/api/{service}", StringComparison.Ordinal));
        }
        using var scalar = await suite.Gateway.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
    }
}
