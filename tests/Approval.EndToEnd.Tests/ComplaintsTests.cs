using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// 建议投诉 through the gateway (issue 19, R-11.2): a complaint about ZJJ is routed to ZJJ, answered there, the submitter is
/// told (Notifications) and sees the answer, and it appears in the anonymous public list without personal data; another
/// applicant and another department get 404; bad input names its field.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ComplaintsTests(SuiteFixture suite)
{
    private static readonly Actor Submitter = new("applicant-complaints", "applicant", Name: "投诉测试建设公司");
    private readonly SuiteApi api = new(suite.Gateway);

    /// <summary>Letters only, so the masking of long digit runs leaves it findable.</summary>
    private static string Token() => new(Guid.NewGuid().ToString("N").Select(c => (char)('a' + c % 26)).Take(12).ToArray());

    [Fact]
    public async Task A_complaint_is_answered_the_submitter_told_and_shown_publicly_without_personal_data()
    {
        var token = Token();
        var application = Guid.NewGuid();
        var made = await api.ExpectAsync(HttpStatusCode.Created, Submitter, HttpMethod.Post, "/api/supervision/complaints", new
        {
            kind = "complaint", departmentCode = "ZJJ", itemCode = "320193-ZJ-SG-001", applicationId = application, title = $"审批太慢 {token}",
            text = "投诉测试建设公司反映：施工许可超期。联系人电话13812345678，邮箱zhang.san@example.com，身份证110101199003071234。",
        });
        var id = made.GetProperty("id").GetString()!;
        Assert.Equal(("open", "ZJJ", "投诉"), (made.GetProperty("state").GetString(), made.GetProperty("departmentCode").GetString(), made.GetProperty("kindName").GetString()));
        Assert.True(made.GetProperty("deadline").GetString()!.CompareTo(DateTime.UtcNow.ToString("yyyy-MM-dd")) > 0);
        Assert.Contains((await api.ExpectAsync(HttpStatusCode.OK, Submitter, HttpMethod.Get, "/api/supervision/complaints/mine")).EnumerateArray(),
            c => c.GetProperty("id").GetString() == id);

        // Nobody else's: another applicant, another department, an applicant answering.
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Get, $"/api/supervision/complaints/{id}");
        Assert.DoesNotContain((await api.ExpectAsync(HttpStatusCode.OK, Actor.OtherApplicant, HttpMethod.Get, "/api/supervision/complaints/mine")).EnumerateArray(),
            c => c.GetProperty("id").GetString() == id);
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.Department("CGJ"), HttpMethod.Get, $"/api/supervision/complaints/{id}");
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.Department("CGJ"), HttpMethod.Post, $"/api/supervision/complaints/{id}/answer", new { answer = "越权" });
        Assert.DoesNotContain((await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("CGJ"), HttpMethod.Get, "/api/supervision/complaints/department")).EnumerateArray(),
            c => c.GetProperty("id").GetString() == id);
        await api.ExpectAsync(HttpStatusCode.Forbidden, Submitter, HttpMethod.Post, $"/api/supervision/complaints/{id}/answer", new { answer = "自答" });

        // ZJJ has it, refuses a blank answer, answers once.
        var zjj = Actor.Department("ZJJ");
        Assert.Contains((await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Get, "/api/supervision/complaints/department?state=open")).EnumerateArray(),
            c => c.GetProperty("id").GetString() == id);
        var blank = await api.ExpectAsync(HttpStatusCode.BadRequest, zjj, HttpMethod.Post, $"/api/supervision/complaints/{id}/answer", new { answer = "  " });
        Assert.True(blank.GetProperty("errors").TryGetProperty("answer", out _));
        var answered = await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/supervision/complaints/{id}/answer",
            new { answer = "已核实，已于次日办结。如有疑问请致电0512-66881234。" });
        Assert.Equal("answered", answered.GetProperty("state").GetString());
        await api.ExpectAsync(HttpStatusCode.Conflict, zjj, HttpMethod.Post, $"/api/supervision/complaints/{id}/answer", new { answer = "再次答复" });

        // The submitter is told and sees the answer.
        await SuiteApi.PollAsync(() => api.ExpectAsync(HttpStatusCode.OK, Submitter, HttpMethod.Get, "/api/notifications/inbox?take=200"),
            i => i.GetProperty("notices").EnumerateArray().Count(n => n.GetProperty("kind").GetString() == "supervision-complaint-answered"
                && n.GetProperty("applicationId").GetString() == id && n.GetProperty("body").GetString()!.Contains("已核实", StringComparison.Ordinal)) == 1,
            "the answer reaches the submitter's inbox once", seconds: 60);
        var seen = await api.ExpectAsync(HttpStatusCode.OK, Submitter, HttpMethod.Get, $"/api/supervision/complaints/{id}");
        Assert.StartsWith("已核实", seen.GetProperty("answer").GetString());

        // Public, anonymous: the answered complaint without its submitter, case or personal data.
        var open = await suite.Gateway.GetAsync("/api/supervision/public/complaints?departmentCode=ZJJ&take=100");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        var text = await open.Content.ReadAsStringAsync();
        var row = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("title").GetString()!.EndsWith(token, StringComparison.Ordinal));
        Assert.Equal(["kind", "kindName", "departmentCode", "departmentName", "itemCode", "title", "text", "submittedDate", "answer", "answeredDate"],
            row.EnumerateObject().Select(p => p.Name));
        // The values as decoded strings (the raw JSON may escape Chinese), so a name would be found as written.
        var shown = string.Join("|", row.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()));
        Assert.Contains("施工许可超期", shown, StringComparison.Ordinal);
        foreach (var secret in new[] { id, application.ToString(), Submitter.User, Submitter.Name!, "13812345678", "zhang.san@example.com", "110101199003071234", "66881234" })
            Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
        Assert.Contains("〔电话已隐去〕", row.GetProperty("text").GetString());
        Assert.Contains("〔证件号已隐去〕", row.GetProperty("text").GetString());
        Assert.Contains("〔邮箱已隐去〕", row.GetProperty("text").GetString());

        // The supervisor's list and counts.
        var list = await api.ExpectAsync(HttpStatusCode.OK, MatrixCase.Supervisor, HttpMethod.Get,
            "/api/supervision/complaints?state=answered&departmentCode=ZJJ&overdue=false&take=200");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        var figures = await api.ExpectAsync(HttpStatusCode.OK, MatrixCase.Supervisor, HttpMethod.Get, "/api/supervision/complaints/figures");
        var zjjRow = figures.EnumerateArray().Single(r => r.GetProperty("departmentCode").GetString() == "ZJJ");
        Assert.True(zjjRow.GetProperty("received").GetInt32() >= zjjRow.GetProperty("answered").GetInt32());
        Assert.True(zjjRow.GetProperty("answered").GetInt32() >= 1);
        await api.ExpectAsync(HttpStatusCode.Forbidden, Submitter, HttpMethod.Get, "/api/supervision/complaints");
    }

    [Fact]
    public async Task Bad_input_names_its_field_and_a_huge_body_is_refused()
    {
        var unknown = await api.ExpectAsync(HttpStatusCode.BadRequest, Submitter, HttpMethod.Post, "/api/supervision/complaints",
            new { kind = "suggestion", departmentCode = "NOPE", title = "建议", text = "内容" });
        Assert.Equal(["departmentCode"], unknown.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var bad = await api.ExpectAsync(HttpStatusCode.BadRequest, Submitter, HttpMethod.Post, "/api/supervision/complaints",
            new { kind = "praise", departmentCode = "ZJJ", title = new string('长', 101), text = new string('文', 2001) });
        Assert.Equal(["kind", "text", "title"], bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("100", bad.GetProperty("errors").GetProperty("title")[0].GetString());
        var huge = await api.ExpectAsync(HttpStatusCode.RequestEntityTooLarge, Submitter, HttpMethod.Post, "/api/supervision/complaints",
            new { kind = "suggestion", departmentCode = "ZJJ", title = "大", text = new string('文', 400_000) });
        Assert.Contains("256 KB", huge.GetProperty("detail").GetString());
        var state = await api.ExpectAsync(HttpStatusCode.BadRequest, MatrixCase.Supervisor, HttpMethod.Get, "/api/supervision/complaints?state=late");
        Assert.True(state.GetProperty("errors").TryGetProperty("state", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await suite.Gateway.PostAsJsonAsync("/api/supervision/complaints",
            new { kind = "suggestion", departmentCode = "ZJJ", title = "匿名", text = "匿名" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await suite.Gateway.GetAsync("/api/supervision/public/complaints?take=1000")).StatusCode);
    }
}
