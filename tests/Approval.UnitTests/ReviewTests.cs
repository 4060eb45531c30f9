using Approval.Calendar;
using Approval.Contracts.Errors;
using Approval.Reviews.Api;
using Approval.Reviews.Domain;

namespace Approval.UnitTests;

/// <summary>技术审查: the review's states, its clock on the region calendar with supplements pausing it, qualifications, the conclusion's input.</summary>
public sealed class ReviewTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendarTests.Demo;
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly ReviewType Drawing = ReviewType.Find(ReviewType.ConstructionDrawing)!;

    private static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, Shanghai);

    private static Review Commissioned(int limit = 5) =>
        Review.Commission(Guid.NewGuid(), "320193", "u1", "申请人", "2026-320193-48-01-000001", null, Drawing, "TSZX", "示范区施工图审查中心", limit,
            [], null, At(9, 28));

    private static ReviewResult Sealed => new("合格书.pdf", "application/pdf", "00", 10, Guid.NewGuid(), "SEAL", "c2ln", At(10, 9));

    [Fact]
    public void A_review_moves_commissioned_in_review_supplementing_in_review_concluded()
    {
        var review = Commissioned();
        Assert.Equal(ReviewStatus.Commissioned, review.Status);
        review.Start(At(9, 29));
        Assert.Equal("审查中", review.Status.ChineseName());
        review.RequestSupplement("结构计算书缺页", At(9, 30));
        Assert.Equal(ReviewStatus.Supplementing, review.Status);
        review.AnswerSupplement("已补充", [Guid.NewGuid()], At(10, 9));
        Assert.Equal(ReviewStatus.InReview, review.Status);
        review.Conclude(ReviewConclusion.Qualified, [new("结构", "符合规范")], Sealed, At(10, 12));
        Assert.Equal((ReviewStatus.Concluded, true), (review.Status, review.Passed));
    }

    [Fact]
    public void A_review_not_started_or_awaiting_a_supplement_cannot_be_concluded()
    {
        var review = Commissioned();
        var notStarted = Assert.Throws<ReviewRuleException>(() => review.Conclude(ReviewConclusion.Qualified, [], Sealed, At(9, 29)));
        Assert.Contains("已委托", notStarted.ChineseMessage);
        review.Start(At(9, 29));
        review.RequestSupplement("缺图纸", At(9, 30));
        Assert.Throws<ReviewRuleException>(() => review.Conclude(ReviewConclusion.Qualified, [], Sealed, At(9, 30)));
        Assert.Throws<ReviewRuleException>(() => review.RequestSupplement("再补", At(9, 30)));
        Assert.Throws<ReviewRuleException>(() => review.Start(At(9, 30)));
    }

    [Fact]
    public void An_answer_without_an_open_request_is_refused_and_a_concluded_review_stays_concluded()
    {
        var review = Commissioned();
        Assert.Throws<ReviewRuleException>(() => review.AnswerSupplement("x", [], At(9, 29)));
        review.Start(At(9, 29));
        review.Conclude(ReviewConclusion.Unqualified, [new("建筑", "不符合强制性条文")], null, At(9, 30));
        Assert.False(review.Passed);
        Assert.Throws<ReviewRuleException>(() => review.Start(At(9, 30)));
    }

    // Started Tue 29 Sep 2026, limit 5 working days: 30 Sep (1), 1–7 Oct off, 8 (2), 9 (3), Sat 10 make-up (4), Mon 12 (5).
    [Fact]
    public void The_clock_runs_from_the_start_on_the_region_calendar_and_is_null_before()
    {
        var review = Commissioned();
        Assert.Null(review.ReadClock(Calendar, At(9, 29), WarningThreshold.Default));
        review.Start(At(9, 29));
        var reading = review.ReadClock(Calendar, At(9, 30), WarningThreshold.Default)!;
        Assert.Equal((new DateOnly(2026, 10, 12), 1, ClockState.OnTime), (reading.Deadline, reading.Used, reading.State));
        Assert.Equal(ClockState.Warning, review.ReadClock(Calendar, At(10, 9), WarningThreshold.Default)!.State);
        Assert.Equal(ClockState.Overdue, review.ReadClock(Calendar, At(10, 13), WarningThreshold.Default)!.State);
    }

    [Fact]
    public void A_supplement_pauses_the_clock_and_moves_the_deadline_by_the_working_days_it_lasted()
    {
        var review = Commissioned();
        review.Start(At(9, 29));
        review.RequestSupplement("缺勘察报告", At(10, 8));
        var paused = review.ReadClock(Calendar, At(10, 9), WarningThreshold.Default)!;
        Assert.True(paused.IsPaused);
        review.AnswerSupplement("已补", [], At(10, 12));   // 9, 10 (make-up), 12 Oct: 3 working days paused
        var running = review.ReadClock(Calendar, At(10, 12), WarningThreshold.Default)!;
        Assert.False(running.IsPaused);
        Assert.Equal(3, running.Paused);
        Assert.Equal(new DateOnly(2026, 10, 15), running.Deadline);
    }

    [Fact]
    public void Concluding_stops_the_clock_at_the_conclusion()
    {
        var review = Commissioned();
        review.Start(At(9, 29));
        review.Conclude(ReviewConclusion.Qualified, [], Sealed, At(9, 30));
        var later = review.ReadClock(Calendar, At(12, 1), WarningThreshold.Default)!;
        Assert.Equal((true, 1, ClockState.OnTime), (later.Stopped, later.Used, later.State));
    }

    [Fact]
    public void Only_an_organisation_of_the_region_with_a_valid_qualification_for_the_type_may_take_it()
    {
        var catalog = new ReviewCatalog(new Dictionary<string, int> { ["320193-TS-BX-001"] = 10 },
            [new Qualification { Agency = "TSZX", Types = [ReviewType.ConstructionDrawing], ValidUntil = new DateOnly(2026, 12, 31) }],
            new Dictionary<string, string> { ["TSZX"] = "示范区施工图审查中心", ["ZJJ"] = "示范区住房和城乡建设局" });
        var today = new DateOnly(2026, 10, 1);
        Assert.Null(catalog.Problem("TSZX", Drawing, today));
        Assert.Contains("ZJJ", catalog.Problem("ZJJ", Drawing, today)!.Value.Chinese);
        Assert.Contains("资质", catalog.Problem("TSZX", ReviewType.Find("fire-design")!, today)!.Value.Chinese);
        Assert.NotNull(catalog.Problem("TSZX", Drawing, new DateOnly(2027, 1, 1)));
        Assert.NotNull(catalog.Problem("NOPE", Drawing, today));
        Assert.Equal(10, catalog.LimitOf(Drawing));
        Assert.Equal(["TSZX"], catalog.AgenciesFor(ReviewType.ConstructionDrawing, today).Select(a => a.Code));
    }

    [Fact]
    public void A_conclusion_without_the_required_result_file_or_with_a_non_PDF_names_the_field()
    {
        var missing = Assert.Throws<ValidationException>(() => ConcludeInput.Validate(new ConcludeRequest("合格", [], null), Drawing));
        Assert.Contains("result", missing.Errors.Keys);
        var notPdf = Assert.Throws<ValidationException>(() => ConcludeInput.Validate(
            new ConcludeRequest("qualified", [], new ResultFileBody("a.pdf", "application/pdf", Convert.ToBase64String("hello"u8.ToArray()))), Drawing));
        Assert.Contains("result.content", notPdf.Errors.Keys);
        var noOpinions = Assert.Throws<ValidationException>(() => ConcludeInput.Validate(new ConcludeRequest("不合格", [], Pdf()), Drawing));
        Assert.Contains("opinions", noOpinions.Errors.Keys);
        Assert.Contains("conclusion", Assert.Throws<ValidationException>(() => ConcludeInput.Validate(new ConcludeRequest("ok", [], Pdf()), Drawing)).Errors.Keys);
        var (conclusion, _, file) = ConcludeInput.Validate(new ConcludeRequest("修改后合格", [new(" 结构 ", "已按意见修改")], Pdf()), Drawing);
        Assert.Equal((ReviewConclusion.QualifiedAfterChanges, 9), (conclusion, file!.Content.Length));
    }

    private static ResultFileBody Pdf() => new("合格书.pdf", "application/pdf", Convert.ToBase64String("%PDF-1.4\n"u8.ToArray()));
}
