using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>Issue 5 through the gateway: the live progress stream (SSE), drafts, and the results delivered to the applicant.</summary>
[Collection(SuiteCollection.Name)]
public sealed class IntakeProgressTests(SuiteFixture suite)
{
    private readonly SuiteApi api = new(suite.Gateway);
    private readonly IntakeApi intake = new(suite.Gateway);

    [Fact]
    public async Task The_progress_stream_delivers_every_step_in_order_through_the_gateway_and_resumes_after_Last_Event_ID()
    {
        var applicant = IntakeApi.NewApplicant("实时进度公司");
        var reused = (await intake.UploadOkAsync(applicant, "施工合同.pdf", IntakeApi.Pdf("进度"))).GetProperty("id").GetGuid();
        var id = await intake.SubmitAsync(applicant, "实时进度的项目", [new { name = "施工合同", materialId = reused }]);

        await using (var other = await intake.OpenStreamAsync(Actor.OtherApplicant, id))
            Assert.Equal(HttpStatusCode.NotFound, other.Response.StatusCode);
        await using var stream = await intake.OpenStreamAsync(applicant, id);
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);

        var received = await stream.NextApplicationStepAsync();
        Assert.Equal(1, received.Status);
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/corrections",
            new { corrections = new[] { new { subject = "施工合同", problem = "缺页" }, new { subject = "消纳场所证明", problem = "未提供" } } });
        var correction = await stream.NextApplicationStepAsync();
        Assert.Equal(6, correction.Status);
        await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Post, $"/api/intake/applications/{id}/correct",
            new { materials = new[] { new { name = "施工合同", materialId = reused } } });
        var corrected = await stream.NextApplicationStepAsync();
        Assert.Equal(7, corrected.Status);
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        Assert.Equal(3, (await stream.NextApplicationStepAsync()).Status);
        Assert.True(received.Id < correction.Id && correction.Id < corrected.Id);

        // The items' steps follow on the same stream as Approvals reports them: 已受理 for each item.
        var items = new List<string>();
        while (items.Count < 2)
        {
            var (_, data) = await stream.NextAsync();
            if (data.GetProperty("itemCode").GetString() is { } code && data.GetProperty("statusCode").GetInt32() == 3) items.Add(code);
        }
        Assert.Equal(SuiteApi.SkeletonItems.Order(), items.Order());

        // A reconnect with Last-Event-ID resumes right after it; the window may subscribe too.
        await using var resumed = await intake.OpenStreamAsync(Actor.Window, id, correction.Id);
        var next = await resumed.NextAsync();
        Assert.Equal((corrected.Id, 7), (next.Id, next.Data.GetProperty("statusCode").GetInt32()));
    }

    [Fact]
    public async Task A_draft_is_saved_resumed_by_its_owner_only_and_submitted_as_an_application()
    {
        var applicant = IntakeApi.NewApplicant("草稿公司");
        var phase = await api.PhaseAsync(applicant);
        var draft = await api.ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post, "/api/intake/drafts",
            new { projectCode = phase.ProjectCode, engineeringCode = phase.EngineeringCode, projectName = "草稿中的项目" });
        var id = draft.GetProperty("id").GetGuid();
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Get, $"/api/intake/drafts/{id}");
        await api.ExpectAsync(HttpStatusCode.Forbidden, Actor.Window, HttpMethod.Get, "/api/intake/drafts");
        Assert.Equal(0, (await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, "/api/intake/applications/mine")).GetArrayLength());

        var resumed = await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, $"/api/intake/drafts/{id}");
        Assert.Equal("草稿中的项目", resumed.GetProperty("content").GetProperty("projectName").GetString());
        await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Put, $"/api/intake/drafts/{id}",
            new { projectCode = phase.ProjectCode, engineeringCode = phase.EngineeringCode, projectName = "草稿中的项目", stageNo = 3, itemCodes = SuiteApi.SkeletonItems, form = new { } });
        var incomplete = await api.ExpectAsync(HttpStatusCode.BadRequest, applicant, HttpMethod.Post, $"/api/intake/drafts/{id}/submit");
        Assert.True(incomplete.GetProperty("errors").TryGetProperty("form.建设规模", out _));
        await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Put, $"/api/intake/drafts/{id}",
            new { projectCode = phase.ProjectCode, engineeringCode = phase.EngineeringCode, projectName = "草稿中的项目", stageNo = 3, itemCodes = SuiteApi.SkeletonItems, form = SuiteApi.SkeletonForm });

        var application = await api.ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post, $"/api/intake/drafts/{id}/submit");
        Assert.Equal((1, "草稿中的项目"), (application.GetProperty("statusCode").GetInt32(), application.GetProperty("projectName").GetString()));
        await api.ExpectAsync(HttpStatusCode.NotFound, applicant, HttpMethod.Get, $"/api/intake/drafts/{id}");
        Assert.Equal(1, (await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, "/api/intake/applications/mine")).GetArrayLength());
    }

    [Fact]
    public async Task The_result_notice_lists_every_conclusion_and_certificate_and_paper_results_go_by_mail()
    {
        var applicant = IntakeApi.NewApplicant($"结果送达公司{Guid.NewGuid():N}"[..14]);
        var id = await intake.SubmitAsync(applicant, "结果送达的项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        await api.ExpectAsync(HttpStatusCode.Conflict, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/result-notice");

        foreach (var (department, approved) in new[] { ("ZJJ", true), ("CGJ", false) })
        {
            var item = await api.ItemRoutedToAsync(department, id);
            await api.ExpectAsync(HttpStatusCode.OK, Actor.Department(department), HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
            await api.ReviewPassedAsync(applicant, item, department);
            await api.ExpectAsync(HttpStatusCode.OK, Actor.Department(department), HttpMethod.Post, $"/api/approvals/items/{item}/conclude",
                new { approved, opinion = approved ? "准予许可" : "消纳场所不符合要求" });
        }
        var notice = await SuiteApi.PollAsync(() => api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, $"/api/intake/applications/{id}/result-notice"),
            n => n.GetProperty("allConcluded").GetBoolean() && n.GetProperty("licences").GetArrayLength() == 1, "both conclusions and the certificate reach Intake");
        Assert.Equal(JsonValueKind.Null, notice.GetProperty("issuedAt").ValueKind);
        var items = notice.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("itemCode").GetString()!);
        Assert.Equal((11, "准予许可"), (items["320193-ZJ-SG-001"].GetProperty("statusCode").GetInt32(), items["320193-ZJ-SG-001"].GetProperty("opinion").GetString()));
        Assert.Equal((13, "消纳场所不符合要求"), (items["320193-CG-SG-001"].GetProperty("statusCode").GetInt32(), items["320193-CG-SG-001"].GetProperty("opinion").GetString()));

        await api.ExpectAsync(HttpStatusCode.Forbidden, applicant, HttpMethod.Post, $"/api/intake/applications/{id}/result-notice");
        var issued = await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/result-notice");
        Assert.Equal("综合窗口王五", issued.GetProperty("issuedBy").GetString());
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Get, $"/api/intake/applications/{id}/result-notice");

        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/delivery/shipped", new { trackingNumber = "SF1" });
        var bad = await api.ExpectAsync(HttpStatusCode.BadRequest, applicant, HttpMethod.Post, $"/api/intake/applications/{id}/delivery", new { recipient = "张三" });
        Assert.True(bad.GetProperty("errors").TryGetProperty("address", out _) && bad.GetProperty("errors").TryGetProperty("phone", out _));
        await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Post, $"/api/intake/applications/{id}/delivery",
            new { recipient = "张三", phone = "13800000000", address = "江苏省示范区科创路1号" });
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/delivery/shipped",
            new { carrier = "EMS", trackingNumber = "1100000000001" });
        var delivered = (await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, $"/api/intake/applications/{id}/result-notice")).GetProperty("delivery");
        Assert.Equal(("江苏省示范区科创路1号", "1100000000001"), (delivered.GetProperty("address").GetString(), delivered.GetProperty("trackingNumber").GetString()));
    }
}
