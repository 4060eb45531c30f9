using Approval.Approvals.Domain;
using Approval.Contracts.Errors;

namespace Approval.UnitTests;

public sealed class ConsultationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly HashSet<string> Stage = ["ZJJ", "CGJ", "XFJ"];

    private static Consultation Open() => Consultation.Open(Guid.NewGuid(), "ZJJ", "施工许可与消防设计协调", ["CGJ", "XFJ"], Stage, Now);

    [Fact]
    public void Invited_departments_answer_once_and_the_opener_concludes()
    {
        var c = Open();
        c.Answer("CGJ", "同意", Now);
        c.Answer("XFJ", "消防设计需补充喷淋说明", Now);
        Assert.Throws<ConsultationAlreadyAnsweredException>(() => c.Answer("CGJ", "再次答复", Now));
        Assert.Throws<NotFoundException>(() => c.Conclude("CGJ", "结论", Now));

        c.Conclude("ZJJ", "补充喷淋说明后并联办结", Now);
        Assert.Equal("补充喷淋说明后并联办结", c.Conclusion);
        Assert.Throws<ConsultationClosedException>(() => c.Conclude("ZJJ", "改结论", Now));
    }

    [Fact]
    public void A_department_not_invited_cannot_answer() =>
        Assert.Throws<NotFoundException>(() => Open().Answer("ZJJ", "自己答复", Now));

    [Fact]
    public void Opening_needs_a_topic_and_other_departments_of_the_stage()
    {
        var e = Assert.Throws<ValidationException>(() => Consultation.Open(Guid.NewGuid(), "ZJJ", " ", ["ZJJ", "RFB"], Stage, Now));
        Assert.Equal(["departments", "topic"], e.Errors.Keys.Order());
        Assert.Equal(2, e.Errors["departments"].Length);
        Assert.Contains("RFB", e.Errors["departments"][1]);
    }
}
