using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// Issue 13 through the gateway: a licence belongs to its holder's account (never to a display name), seals are the
/// region admin's to provision from the organisation record, a department issues only for its own concluded item,
/// archives and revocations stay in their region, and a zip bomb is refused within bounds.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class LicenceSecurityTests(SuiteFixture suite)
{
    private const string OtherRegion = "320200";
    private static readonly Actor Supervisor = new("supervisor-e2e", "supervisor", Name: "监察科赵六");
    private readonly SuiteApi api = new(suite.Gateway);
    private readonly LicenceIssuing issuing = new(suite.Gateway);

    [Fact]
    public async Task A_namesake_enterprise_gets_neither_the_holders_pdf_nor_their_reusable_licences()
    {
        var name = $"同名测试公司{Guid.NewGuid():N}"[..14];
        var holder = new Actor($"holder-{Guid.NewGuid():N}"[..24], "applicant", Name: name);
        var namesake = new Actor($"namesake-{Guid.NewGuid():N}"[..24], "applicant", Name: name);
        var applicationId = await api.SubmitAsync(holder);
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{applicationId}/accept");
        var permit = await api.ItemRoutedToAsync("ZJJ", applicationId);
        await api.ReviewPassedAsync(holder, permit);
        await issuing.ConcludeAsync("ZJJ", permit);
        var progress = await SuiteApi.PollAsync(() => api.ProgressAsync(holder, applicationId),
            p => p.GetProperty("licences").GetArrayLength() == 1, "the permit's certificate is issued");
        var identifier = progress.GetProperty("licences")[0].GetProperty("identifier").GetString()!;
        var pdfPath = $"/api/licences/{identifier}/pdf";

        await api.ExpectAsync(HttpStatusCode.NotFound, namesake, HttpMethod.Get, pdfPath);
        var offered = await api.ExpectAsync(HttpStatusCode.OK, namesake, HttpMethod.Get, "/api/licences/reusable");
        Assert.DoesNotContain(offered.EnumerateArray(), l => l.GetProperty("identifier").GetString() == identifier);

        using (var pdf = await api.SendAsync(holder, HttpMethod.Get, pdfPath))
            Assert.Equal((HttpStatusCode.OK, "application/pdf"), (pdf.StatusCode, pdf.Content.Headers.ContentType?.MediaType));
        var own = await api.ExpectAsync(HttpStatusCode.OK, holder, HttpMethod.Get, "/api/licences/reusable");
        Assert.Equal([identifier], own.EnumerateArray().Select(l => l.GetProperty("identifier").GetString()));

        // Staff name the holder by account or credit code, never by display name.
        var byName = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Window, HttpMethod.Get, $"/api/licences/reusable?holder={Uri.EscapeDataString(name)}");
        Assert.True(byName.GetProperty("errors").TryGetProperty("holderId", out _), byName.ToString());
        // The holder's account id is the token's subject, as /api/identity/me reports it (not the user name).
        var holderId = (await api.ExpectAsync(HttpStatusCode.OK, holder, HttpMethod.Get, "/api/identity/me")).GetProperty("id").GetString()!;
        var byAccount = await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Get, $"/api/licences/reusable?holderId={Uri.EscapeDataString(holderId)}");
        Assert.Contains(byAccount.EnumerateArray(), l => l.GetProperty("identifier").GetString() == identifier);

        // Another region's ZJJ cannot revoke the demo region's ZJJ licence.
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OfRegion(OtherRegion, "department", "ZJJ"), HttpMethod.Post,
            $"/api/licences/{identifier}/revoke", new { reason = "外区撤销" });

        // The denied download and the holder's download are audited.
        var audit = await api.ExpectAsync(HttpStatusCode.OK, Supervisor, HttpMethod.Get, $"/api/licences/audit?objectId={Uri.EscapeDataString(identifier)}&take=500");
        Assert.Contains(audit.EnumerateArray(), r => r.GetProperty("action").GetString() == "access-denied");
        Assert.Contains(audit.EnumerateArray(), r => r.GetProperty("action").GetString() == "download");
    }

    [Fact]
    public async Task Only_the_region_admin_provisions_a_seal_and_its_name_and_credit_code_come_from_the_organisation_record()
    {
        var forged = new { departmentCode = "STJ", departmentName = "伪造的生态环境局", creditCode = Accounts.NewCreditCode() };
        await api.ExpectAsync(HttpStatusCode.Forbidden, Actor.Department("STJ"), HttpMethod.Post, "/api/licences/seals", forged);

        var seal = await issuing.AdminPostAsync(HttpStatusCode.Created, "/api/licences/seals", forged);
        Assert.Equal(("STJ", "示范区生态环境局", "11320193MB00010050"),
            (seal.GetProperty("holderCode").GetString(), seal.GetProperty("holderName").GetString(), seal.GetProperty("holderCreditCode").GetString()));
        await issuing.AdminPostAsync(HttpStatusCode.NotFound, "/api/licences/seals", new { departmentCode = "NOPE" });
    }

    [Fact]
    public async Task A_department_issues_only_for_its_own_concluded_item_and_the_holder_and_application_come_from_the_item()
    {
        var holder = new Actor($"issue-{Guid.NewGuid():N}"[..24], "applicant", Name: $"出证测试公司{Guid.NewGuid():N}"[..14]);
        var (applicationId, item) = await issuing.AcceptedItemAsync(holder, LicenceIssuing.FireDesign, "ZJJ");
        await issuing.ProvisionSealAsync("ZJJ");
        var body = new
        {
            itemInstanceId = item, typeCode = "11100000MB0000009X001", licenceName = "消防设计审查意见书", decision = "消防设计审查合格",
            holder = "冒名公司", applicationId = Guid.NewGuid(), projectCode = "2509-320193-89-01-000000",
        };

        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.Department("CGJ"), HttpMethod.Post, "/api/licences", body);
        await api.ExpectAsync(HttpStatusCode.Conflict, Actor.Department("ZJJ"), HttpMethod.Post, "/api/licences", body);
        await issuing.ConcludeAsync("ZJJ", item);

        // The conclusion reaches Licences as an event: until then the item is not known there as concluded (409).
        var licence = await issuing.IssueAsync(HttpStatusCode.Created, "ZJJ", body);
        Assert.Equal((holder.Name, applicationId, (await api.PhaseAsync(holder)).ProjectCode, "320193"),
            (licence.GetProperty("holder").GetString(), licence.GetProperty("applicationId").GetGuid(),
             licence.GetProperty("projectCode").GetString(), licence.GetProperty("regionCode").GetString()));
        await api.ExpectAsync(HttpStatusCode.Conflict, Actor.Department("ZJJ"), HttpMethod.Post, "/api/licences", body);
        using var pdf = await api.SendAsync(holder, HttpMethod.Get, $"/api/licences/{licence.GetProperty("identifier").GetString()}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
    }

    [Fact]
    public async Task Another_regions_window_can_neither_build_nor_download_an_archive()
    {
        var applicationId = await api.SubmitAsync(Actor.Applicant, "归档分区项目");
        await api.ExpectAsync(HttpStatusCode.Created, Actor.Window, HttpMethod.Post, $"/api/licences/archives/{applicationId}");
        var otherWindow = Actor.OfRegion(OtherRegion, "window", "ZHCK");

        await api.ExpectAsync(HttpStatusCode.NotFound, otherWindow, HttpMethod.Get, $"/api/licences/archives/{applicationId}");
        await api.ExpectAsync(HttpStatusCode.NotFound, otherWindow, HttpMethod.Post, $"/api/licences/archives/{applicationId}");
        using var own = await api.SendAsync(Actor.Window, HttpMethod.Get, $"/api/licences/archives/{applicationId}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task A_zip_bomb_fails_the_archive_check_within_bounds()
    {
        // ~2 MiB on the wire, 2.2 GiB inflated: more than any package the library builds or a process can hold in one buffer.
        var bomb = ZipBomb(entryBytes: 2_200L * 1024 * 1024);
        using var request = Actor.Window.Request(HttpMethod.Post, "/api/licences/archives/check");
        request.Content = new ByteArrayContent(bomb);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var response = await suite.Gateway.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        var check = JsonDocument.Parse(text).RootElement;
        Assert.False(check.GetProperty("passed").GetBoolean());
        Assert.Contains(check.GetProperty("security").GetProperty("failures").EnumerateArray(),
            f => f.GetProperty("reason").GetString()!.Contains("limit", StringComparison.Ordinal));
    }

    private static byte[] ZipBomb(long entryBytes)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry("application/progress.json", CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < entryBytes; written += zeros.Length) stream.Write(zeros);
        }
        return output.ToArray();
    }
}
