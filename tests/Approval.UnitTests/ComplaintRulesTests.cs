using Approval.Contracts.Errors;
using Approval.Supervision.Api;
using Approval.Supervision.Domain;

namespace Approval.UnitTests;

/// <summary>建议投诉's rules: the request's limits, one answer (not blank), overdue and escalation on the deadline, the public row.</summary>
public sealed class ComplaintRulesTests
{
    private static readonly DateOnly Deadline = new(2026, 12, 11);
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static Complaint New(string text = "窗口态度不好") => new()
    {
        Id = Guid.NewGuid(), RegionCode = "320193", Kind = Complaint.ComplaintKind, DepartmentCode = "ZJJ", DepartmentName = "住建局",
        ApplicationId = Guid.NewGuid(), Title = "办事慢", Text = text, SubmitterId = "applicant-1", SubmitterName = "张三丰",
        SubmittedAt = Now, SubmittedDate = new(2026, 12, 4), Deadline = Deadline,
    };

    private static Dictionary<string, string[]> Errors(string? kind, string? title, string? text, string? item = null)
    {
        var errors = new FieldErrors();
        Complaint.Validate(kind, title, text, item, errors);
        try { errors.ThrowIfAny(); return []; }
        catch (ValidationException e) { return e.Errors.ToDictionary(x => x.Key, x => x.Value); }
    }

    [Fact]
    public void A_request_within_the_limits_passes_and_each_broken_rule_names_its_field()
    {
        Assert.Empty(Errors("suggestion", new string('标', 100), new string('文', 2000), "320193-ZJ-SG-001"));
        var errors = Errors("praise", new string('标', 101), new string('文', 2001), new string('X', 65));
        Assert.Equal(["itemCode", "kind", "text", "title"], errors.Keys.Order());
        Assert.Contains("最多100字", errors["title"][0], StringComparison.Ordinal);
        Assert.Equal(["text", "title"], Errors("complaint", " ", null).Keys.Order());
    }

    [Fact]
    public void An_answer_is_required_and_given_once()
    {
        var c = New();
        var blank = Assert.Throws<ValidationException>(() => c.AnswerWith("  ", "dept-ZJJ", "住建局", Now, Deadline));
        Assert.True(blank.Errors.ContainsKey("answer"));
        Assert.False(c.Answered);
        c.AnswerWith(" 已整改 ", "dept-ZJJ", "住建局", Now, Deadline);
        Assert.Equal(("已整改", "dept-ZJJ", Deadline), (c.Answer, c.AnsweredById, c.AnsweredDate!.Value));
        var again = Assert.Throws<RequestRefusedException>(() => c.AnswerWith("再答", "dept-ZJJ", "住建局", Now, Deadline));
        Assert.Equal(409, again.Status);
        Assert.Equal("已整改", c.Answer);
    }

    [Fact]
    public void Overdue_after_the_deadline_unanswered_or_answered_late_and_escalated_once()
    {
        var c = New();
        Assert.False(c.IsOverdue(Deadline));
        Assert.False(c.DueForEscalation(Deadline));
        Assert.True(c.IsOverdue(Deadline.AddDays(1)));
        Assert.True(c.DueForEscalation(Deadline.AddDays(1)));
        c.MarkEscalated(Now);
        Assert.False(c.DueForEscalation(Deadline.AddDays(2)));

        var onTime = New();
        onTime.AnswerWith("好", "u", "n", Now, Deadline);
        Assert.False(onTime.IsOverdue(Deadline.AddDays(30)));
        Assert.False(onTime.DueForEscalation(Deadline.AddDays(30)));
        var late = New();
        late.AnswerWith("迟", "u", "n", Now, Deadline.AddDays(1));
        Assert.True(late.IsOverdue(Deadline.AddDays(1)));
        Assert.False(late.DueForEscalation(Deadline.AddDays(30)));
    }

    [Fact]
    public void The_public_row_carries_no_submitter_or_case_and_masks_the_texts()
    {
        var c = New("我是张三丰，电话13812345678，邮箱zhang@example.com，身份证110101199003071234。");
        c.AnswerWith("已联系张三丰（13812345678）", "dept-ZJJ", "住建局王五", Now, Deadline);
        var row = PublicComplaintDto.Of(c);
        // Unescaped, so a Chinese name would be found as written.
        var json = System.Text.Json.JsonSerializer.Serialize(row, new System.Text.Json.JsonSerializerOptions
            { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var secret in new[] { "张三丰", "applicant-1", c.ApplicationId.ToString()!, "13812345678", "zhang@example.com", "110101199003071234", "住建局王五", c.Id.ToString() })
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        Assert.Equal("我是〔姓名已隐去〕，电话〔电话已隐去〕，邮箱〔邮箱已隐去〕，身份证〔证件号已隐去〕。", row.Text);
        Assert.Equal(("ZJJ", "住建局", "投诉", Deadline), (row.DepartmentCode, row.DepartmentName, row.KindName, row.AnsweredDate));
    }
}
