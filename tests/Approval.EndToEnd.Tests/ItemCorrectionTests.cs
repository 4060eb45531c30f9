using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// A department's 补正 of an item after 受理 (issue 15 item 3): 6 补正（开始） with the complete list pauses the item's and the
/// stage's clocks; the applicant answers through Intake with their own uploads; Approvals ends it (7 补正（结束）), the
/// department downloads the files and concludes. (The suite's clock runs at normal speed, so no working day passes while
/// paused here; the arithmetic of the extension is in the unit tests, ItemCorrectionTests.)
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ItemCorrectionTests(SuiteFixture suite)
{
    private readonly SuiteApi api = new(suite.Gateway);
    private readonly IntakeApi intake = new(suite.Gateway);
    private static readonly Actor Zjj = Actor.Department("ZJJ"), Cgj = Actor.Department("CGJ");

    private static readonly object List = new
    {
        entries = new[]
        {
            new { material = "施工图设计文件", problem = "缺少审图机构签章" },
            new { material = "施工合同", problem = "合同价款页缺失" },
        },
        due = "2026-10-16",
    };

    private async Task<(Guid Application, Guid Item)> AcceptedAsync(Actor applicant, string projectName)
    {
        var application = await intake.SubmitAsync(applicant, projectName);
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{application}/accept");
        return (application, await api.ItemRoutedToAsync("ZJJ", application));
    }

    private static void Names(JsonElement problem, string field) =>
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field} is named in {problem}");

    [Fact]
    public async Task The_department_asks_for_corrections_the_applicant_answers_with_files_and_the_clock_pauses_between()
    {
        var applicant = IntakeApi.NewApplicant("补正测试建设公司");
        var (application, item) = await AcceptedAsync(applicant, "事项补正项目");
        var path = $"/api/approvals/items/{item}/corrections";

        // Not started: 409. Started: an empty list is 400 naming entries; another department cannot (404).
        await api.ExpectAsync(HttpStatusCode.Conflict, Zjj, HttpMethod.Post, path, List);
        var started = await api.ExpectAsync(HttpStatusCode.OK, Zjj, HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
        var deadline = started.GetProperty("clock").GetProperty("deadline").GetString();
        Names(await api.ExpectAsync(HttpStatusCode.BadRequest, Zjj, HttpMethod.Post, path, new { entries = Array.Empty<object>() }), "entries");
        Names(await api.ExpectAsync(HttpStatusCode.BadRequest, Zjj, HttpMethod.Post, path, new { entries = new[] { new { material = "施工合同", problem = " " } } }), "entries[0].problem");
        await api.ExpectAsync(HttpStatusCode.NotFound, Cgj, HttpMethod.Post, path, List);

        var paused = await api.ExpectAsync(HttpStatusCode.OK, Zjj, HttpMethod.Post, path, List);
        Assert.Equal((6, true), (paused.GetProperty("statusCode").GetInt32(), paused.GetProperty("clock").GetProperty("isPaused").GetBoolean()));
        var correction = paused.GetProperty("corrections")[0];
        Assert.Equal((2, "2026-10-16"), (correction.GetProperty("entries").GetArrayLength(), correction.GetProperty("due").GetString()));
        var correctionId = correction.GetProperty("id").GetGuid();
        await api.ExpectAsync(HttpStatusCode.Conflict, Zjj, HttpMethod.Post, $"/api/approvals/items/{item}/conclude", new { approved = true, opinion = "准予许可" });

        // The applicant sees the item and the stage paused, the list in the timeline, and the correction in Intake.
        var view = await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, $"/api/approvals/applications/{application}/items");
        Assert.True(view.GetProperty("stage").GetProperty("clock").GetProperty("isPaused").GetBoolean());
        await SuiteApi.PollAsync(() => api.ProgressAsync(applicant, application),
            p => p.GetProperty("timeline").EnumerateArray().Any(e => e.GetProperty("statusCode").GetInt32() == 6
                && e.GetProperty("opinion").GetString()!.Contains("1. 施工图设计文件：缺少审图机构签章；2. 施工合同：合同价款页缺失")),
            "the 6 补正（开始） line with the list reaches the applicant's timeline");
        var answer = $"/api/intake/applications/{application}/item-corrections/{correctionId}/answer";
        await SuiteApi.PollAsync(() => api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, $"/api/intake/applications/{application}/item-corrections"),
            l => l.GetArrayLength() == 1, "Intake has the item's correction");

        // Answers that must fail: another applicant (404), no file (400), someone else's upload (400), a name on no list (400).
        var mine = (await intake.UploadOkAsync(applicant, "施工图（补正）.pdf", IntakeApi.Pdf($"补正 {Guid.NewGuid()}"))).GetProperty("id").GetGuid();
        var theirs = (await intake.UploadOkAsync(Actor.OtherApplicant, "他人.pdf", IntakeApi.Pdf($"他人 {Guid.NewGuid()}"))).GetProperty("id").GetGuid();
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Post, answer, new { materials = new[] { new { name = "施工图设计文件", materialId = theirs } } });
        Names(await api.ExpectAsync(HttpStatusCode.BadRequest, applicant, HttpMethod.Post, answer, new { materials = Array.Empty<object>() }), "materials");
        Names(await api.ExpectAsync(HttpStatusCode.BadRequest, applicant, HttpMethod.Post, answer, new { materials = new[] { new { name = "施工图设计文件", materialId = theirs } } }), "materials[0].materialId");
        Names(await api.ExpectAsync(HttpStatusCode.BadRequest, applicant, HttpMethod.Post, answer, new { materials = new[] { new { name = "无关材料", materialId = mine } } }), "materials[0].name");

        var answered = await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Post, answer,
            new { note = "已补审图章", materials = new[] { new { name = "施工图设计文件", materialId = mine } } });
        Assert.NotEqual(JsonValueKind.Null, answered.GetProperty("answeredAt").ValueKind);
        await api.ExpectAsync(HttpStatusCode.Conflict, applicant, HttpMethod.Post, answer, new { materials = new[] { new { name = "施工图设计文件", materialId = mine } } });

        // Approvals ends it: 7, the clock runs again (same day: no working day paused, the deadline stays); the department sees the file.
        var ended = await SuiteApi.PollAsync(() => api.ExpectAsync(HttpStatusCode.OK, Zjj, HttpMethod.Get, $"/api/approvals/items/{item}"),
            i => i.GetProperty("statusCode").GetInt32() == 7, "the answer ends the correction (7)");
        Assert.Equal((false, deadline), (ended.GetProperty("clock").GetProperty("isPaused").GetBoolean(), ended.GetProperty("clock").GetProperty("deadline").GetString()));
        var done = ended.GetProperty("corrections")[0];
        Assert.Equal(("已补审图章", mine), (done.GetProperty("note").GetString(), done.GetProperty("files")[0].GetProperty("materialId").GetGuid()));
        Assert.Equal(HttpStatusCode.OK, (await intake.DownloadAsync(Zjj, mine)).Status);
        var steps = await api.ExpectAsync(HttpStatusCode.OK, Zjj, HttpMethod.Get, $"/api/approvals/items/{item}/steps");
        Assert.Contains(steps.EnumerateArray(), s => s.GetProperty("statusCode").GetInt32() == 7 && s.GetProperty("opinion").GetString()!.Contains("施工图设计文件（施工图（补正）.pdf）"));

        // The department continues from 7 and concludes.
        await api.ReviewPassedAsync(applicant, item);
        var concluded = await api.ExpectAsync(HttpStatusCode.OK, Zjj, HttpMethod.Post, $"/api/approvals/items/{item}/conclude", new { approved = true, opinion = "补正后准予许可" });
        Assert.Equal(11, concluded.GetProperty("statusCode").GetInt32());
        await SuiteApi.PollAsync(() => api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, "/api/notifications/inbox"),
            i => i.GetProperty("notices").EnumerateArray().Any(n => n.GetProperty("applicationId").GetGuid() == application
                && n.GetProperty("kind").GetString() == "item-correction-requested"),
            "the applicant is told the list");
    }

    [Fact]
    public async Task A_department_system_asks_for_corrections_through_the_inbound_api_and_another_departments_system_may_not()
    {
        var (_, item) = await AcceptedAsync(IntakeApi.NewApplicant("补正系统测试公司"), "事项补正系统项目");
        var system = new DepartmentSystem(suite.Gateway, "ZJJ");
        var path = $"/api/approvals/inbound/items/{item}/corrections";
        Assert.Equal(HttpStatusCode.Conflict, (await system.CallAsync(path, List, $"corr-early-{item}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await system.CallAsync($"/api/approvals/inbound/items/{item}/start", new { }, $"corr-start-{item}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await new DepartmentSystem(suite.Gateway, "CGJ").CallAsync(path, List, $"corr-cgj-{item}")).Status);
        var first = await system.CallAsync(path, List, $"corr-{item}");
        Assert.Equal((HttpStatusCode.OK, 6, false), (first.Status, first.Body.GetProperty("statusCode").GetInt32(), first.Replayed));
        var replay = await system.CallAsync(path, List, $"corr-{item}");
        Assert.Equal((HttpStatusCode.OK, true, 1), (replay.Status, replay.Replayed, replay.Body.GetProperty("corrections").GetArrayLength()));
    }
}
