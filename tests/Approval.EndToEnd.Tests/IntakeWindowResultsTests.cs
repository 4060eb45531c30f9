using System.Net.Http.Headers;
using System.Text.Json;
using Npgsql;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// Issue 23, the window's part: scanned paper materials uploaded for the applicant, items concluded 不通过 in the
/// window's queue at once, the consolidated result notice and paper delivery with its tracking number.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class IntakeWindowResultsTests(SuiteFixture suite)
{
    private readonly SuiteApi api = new(suite.Gateway);

    private async Task<HttpResponseMessage> UploadScannedAsync(Actor actor, Guid application, string? name, string fileName, byte[] content)
    {
        using var request = actor.Request(HttpMethod.Post, $"/api/intake/applications/{application}/materials/scanned");
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (name is not null) form.Add(new StringContent(name), "name");
        request.Content = form;
        return await suite.Gateway.SendAsync(request);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ScanAsync(Actor actor, Guid application, string? name, string fileName, byte[] content)
    {
        using var response = await UploadScannedAsync(actor, application, name, fileName, content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task The_window_uploads_the_scans_of_a_mailed_submission_for_the_applicant_marked_as_its_own_upload()
    {
        var applicant = IntakeApi.NewApplicant("邮寄材料公司");
        var phase = await api.PhaseAsync(applicant);
        var applicantId = (await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, "/api/identity/me")).GetProperty("id").GetString();
        var mailed = await api.ExpectAsync(HttpStatusCode.Created, Actor.Window, HttpMethod.Post, "/api/intake/applications/counter", new
        {
            applicantId, applicantName = "邮寄材料公司", channel = "mail", projectCode = phase.ProjectCode, engineeringCode = phase.EngineeringCode,
            projectName = "邮寄材料项目", stageNo = 3, itemCodes = SuiteApi.SkeletonItems, form = SuiteApi.SkeletonForm,
        });
        var id = mailed.GetProperty("id").GetGuid();
        var pdf = IntakeApi.Pdf($"施工合同扫描件 {Guid.NewGuid()}");

        // Who may: the window of the application's region only.
        Assert.Equal(HttpStatusCode.Forbidden, (await ScanAsync(applicant, id, "施工合同", "合同.pdf", pdf)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ScanAsync(Actor.Department("ZJJ"), id, "施工合同", "合同.pdf", pdf)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ScanAsync(AccessMatrixRows.OtherRegionWindow, id, "施工合同", "合同.pdf", pdf)).Status);
        using (var anonymous = new HttpRequestMessage(HttpMethod.Post, $"/api/intake/applications/{id}/materials/scanned"))
            Assert.Equal(HttpStatusCode.Unauthorized, (await suite.Gateway.SendAsync(anonymous)).StatusCode);

        // Bad input: a name not on the items' lists, no name, a disguised file, no file.
        var (status, body) = await ScanAsync(Actor.Window, id, "不在清单的材料", "合同.pdf", pdf);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("施工合同", body.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await ScanAsync(Actor.Window, id, null, "合同.pdf", pdf)).Status);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await ScanAsync(Actor.Window, id, "施工合同", "合同.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00])).Status);
        (status, body) = await ScanAsync(Actor.Window, id, "施工合同", "合同.pdf", []);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("file", out _), body.ToString());

        (status, body) = await ScanAsync(Actor.Window, id, "施工合同", "施工合同扫描件.pdf", pdf);
        Assert.Equal(HttpStatusCode.OK, status);
        var attached = Assert.Single(body.GetProperty("attached").EnumerateArray());
        Assert.Equal(("施工合同", "施工合同扫描件.pdf", "综合窗口王五"),
            (attached.GetProperty("name").GetString(), attached.GetProperty("fileName").GetString(), attached.GetProperty("uploadedBy").GetString()));
        Assert.DoesNotContain("施工合同", body.GetProperty("missingRequired").EnumerateArray().Select(m => m.GetString()));

        // The applicant sees it marked, holds it among their materials and downloads it.
        var seen = Assert.Single((await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, $"/api/intake/applications/{id}/materials"))
            .GetProperty("attached").EnumerateArray());
        Assert.Equal("综合窗口王五", seen.GetProperty("uploadedBy").GetString());
        var mine = Assert.Single((await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, "/api/intake/materials")).EnumerateArray());
        Assert.Equal(("综合窗口王五", attached.GetProperty("materialId").GetGuid()), (mine.GetProperty("uploadedBy").GetString(), mine.GetProperty("id").GetGuid()));
        var (downloaded, content) = await new IntakeApi(suite.Gateway).DownloadAsync(applicant, mine.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, downloaded);
        Assert.Equal(pdf, content); // the bytes the window scanned (a tuple would compare the arrays by reference)

        // After the decision nothing more is attached.
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        Assert.Equal(HttpStatusCode.Conflict, (await ScanAsync(Actor.Window, id, "施工合同", "施工合同扫描件.pdf", pdf)).Status);
    }

    [Fact]
    public async Task A_not_approved_item_shows_in_the_queue_and_the_window_issues_the_notice_and_ships_the_paper_results()
    {
        var id = await api.SubmitAsync(Actor.Applicant, "结果送达项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        var cgj = Actor.Department("CGJ");
        var refused = await api.ItemRoutedToAsync("CGJ", id);
        await api.ExpectAsync(HttpStatusCode.OK, cgj, HttpMethod.Post, $"/api/approvals/items/{refused}/start", new { });
        await api.ExpectAsync(HttpStatusCode.OK, cgj, HttpMethod.Post, $"/api/approvals/items/{refused}/conclude", new { approved = false, opinion = "占用城市道路方案不符合要求" });

        // the queue names the item concluded 不通过 without opening the case; ?notApproved=true lists only such.
        var queue = await SuiteApi.PollAsync(() => api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Get, "/api/intake/applications?notApproved=true"),
            q => q.EnumerateArray().Any(a => a.GetProperty("id").GetGuid() == id), "the 不通过 item reaches the window's queue");
        Assert.All(queue.EnumerateArray(), a => Assert.NotEmpty(a.GetProperty("notApprovedItems").EnumerateArray()));
        var row = queue.EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == id);
        var cgjItem = row.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("departmentCode").GetString() == "CGJ").GetProperty("itemName").GetString();
        Assert.Equal([cgjItem], row.GetProperty("notApprovedItems").EnumerateArray().Select(n => n.GetString()));

        // The notice waits for every item.
        var pending = await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Get, $"/api/intake/applications/{id}/result-notice");
        Assert.False(pending.GetProperty("allConcluded").GetBoolean());
        await api.ExpectAsync(HttpStatusCode.Conflict, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/result-notice");
        var zjj = Actor.Department("ZJJ");
        var approved = await api.ItemRoutedToAsync("ZJJ", id);
        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/items/{approved}/start", new { });
        await api.ReviewPassedAsync(Actor.Applicant, approved);
        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/items/{approved}/conclude", new { approved = true, opinion = "准予施工许可" });
        await SuiteApi.PollAsync(() => api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Get, $"/api/intake/applications/{id}/result-notice"),
            n => n.GetProperty("allConcluded").GetBoolean(), "every item concluded");
        var notice = await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/result-notice");
        var outcomes = notice.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("departmentName").GetString()!, i => (i.GetProperty("statusCode").GetInt32(), i.GetProperty("opinion").GetString()));
        Assert.Contains((13, "占用城市道路方案不符合要求"), outcomes.Values);
        Assert.Contains((11, "准予施工许可"), outcomes.Values);

        // Paper delivery recorded by the window for the applicant: bad input named, then the tracking number.
        var path = $"/api/intake/applications/{id}/delivery";
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.Window, HttpMethod.Post, $"{path}/shipped", new { trackingNumber = "SF1" });
        var bad = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Window, HttpMethod.Post, path, new { recipient = " ", phone = "abc", address = "" });
        foreach (var field in new[] { "recipient", "phone", "address" }) Assert.True(bad.GetProperty("errors").TryGetProperty(field, out _), field);
        await api.ExpectAsync(HttpStatusCode.NotFound, AccessMatrixRows.OtherRegionWindow, HttpMethod.Post, path, new { recipient = "张三", phone = "13800000000", address = "苏州工业园区星湖街1号" });
        var requested = await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, path, new { recipient = "张三", phone = "13800000000", address = "苏州工业园区星湖街1号" });
        Assert.Equal("综合窗口王五", requested.GetProperty("requestedBy").GetString());
        await api.ExpectAsync(HttpStatusCode.Conflict, Actor.Applicant, HttpMethod.Post, path, new { recipient = "张三", phone = "13800000000", address = "苏州工业园区星湖街1号" });
        var missing = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Window, HttpMethod.Post, $"{path}/shipped", new { carrier = "顺丰速运", trackingNumber = " " });
        Assert.True(missing.GetProperty("errors").TryGetProperty("trackingNumber", out _));
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"{path}/shipped", new { carrier = "顺丰速运", trackingNumber = "SF1234567890" });

        var seen = await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Get, $"/api/intake/applications/{id}/result-notice");
        Assert.NotEqual(JsonValueKind.Null, seen.GetProperty("issuedAt").ValueKind);
        var delivery = seen.GetProperty("delivery");
        Assert.Equal(("顺丰速运", "SF1234567890", "综合窗口王五"),
            (delivery.GetProperty("carrier").GetString(), delivery.GetProperty("trackingNumber").GetString(), delivery.GetProperty("shippedBy").GetString()));
    }

    /// <summary>
    /// The CI's browser run: the window pressed 出具办结结果通知 while the stage's conclusion (Intake's consumer) wrote the
    /// application, and got 409 并发修改冲突 for a change that was not its own. Here another transaction writes the row
    /// and holds it while the window's issue reads the old version and waits on the lock; once it commits, the issue's
    /// save finds the row changed. It must still issue the notice, once.
    /// </summary>
    [Fact]
    public async Task The_notice_is_issued_though_the_application_is_written_between_the_windows_read_and_its_save()
    {
        var id = await api.SubmitAsync(Actor.Applicant, "并发出具通知项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        foreach (var (department, review) in new[] { ("CGJ", false), ("ZJJ", true) })
        {
            var item = await api.ItemRoutedToAsync(department, id);
            await api.ExpectAsync(HttpStatusCode.OK, Actor.Department(department), HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
            if (review) await api.ReviewPassedAsync(Actor.Applicant, item);
            await api.ExpectAsync(HttpStatusCode.OK, Actor.Department(department), HttpMethod.Post, $"/api/approvals/items/{item}/conclude", new { approved = true, opinion = "准予" });
        }
        await SuiteApi.PollAsync(() => api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Get, $"/api/intake/applications/{id}"),
            a => a.GetProperty("statusCode").GetInt32() == 11, "the stage's conclusion reaches the application (11 办结（通过）)");

        await using var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = "approval_intake", Pooling = false }.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var touch = new NpgsqlCommand("""UPDATE applications SET "Status" = "Status" WHERE "Id" = @id""", other, transaction))
        {
            touch.Parameters.AddWithValue("id", id);
            Assert.Equal(1, await touch.ExecuteNonQueryAsync());
        }
        var issuing = api.SendAsync(Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/result-notice");
        // Until the issue waits on the row lock. A third connection looks: pg_stat_activity is read once per transaction,
        // so the holder's own transaction would not see it.
        await using var observer = new NpgsqlConnection(other.ConnectionString);
        await observer.OpenAsync();
        for (var deadline = DateTime.UtcNow.AddSeconds(15); ; await Task.Delay(100))
        {
            Assert.False(issuing.IsCompleted, "the issue answered without waiting on the row: the race was not set up");
            await using var waiting = new NpgsqlCommand("""
                SELECT coalesce(string_agg(coalesce(wait_event_type, '-') || ' ' || left(query, 60), ' | '), '') FROM pg_stat_activity
                WHERE datname = 'approval_intake' AND pid <> pg_backend_pid() AND state <> 'idle'
                """, observer);
            var activity = (string)(await waiting.ExecuteScalarAsync())!;
            if (activity.Contains("Lock UPDATE applications ", StringComparison.Ordinal)) break;
            Assert.True(DateTime.UtcNow < deadline, $"the issue's save did not wait on the row the other transaction holds; active: {activity}");
        }
        await transaction.CommitAsync();

        using var response = await issuing;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        var issued = JsonDocument.Parse(text).RootElement;
        Assert.Equal("综合窗口王五", issued.GetProperty("issuedBy").GetString());
        var seen = await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Get, $"/api/intake/applications/{id}/result-notice");
        // Issued once: what the applicant sees is the issue answered (stored to the microsecond, answered to the tick).
        Assert.Equal(issued.GetProperty("issuedAt").GetDateTimeOffset(), seen.GetProperty("issuedAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
    }
}
