using Approval.Supervision.Domain;

namespace Approval.UnitTests;

/// <summary>ComplaintMasking: phone numbers, 18-character ID numbers, e-mail addresses and the submitter's name are hidden; the rest stays.</summary>
public sealed class ComplaintMaskingTests
{
    [Theory]
    [InlineData("请联系13812345678处理", "请联系〔电话已隐去〕处理")]
    [InlineData("电话 138 1234 5678。", "电话 〔电话已隐去〕。")]
    [InlineData("电话138-1234-5678", "电话〔电话已隐去〕")]
    [InlineData("+86 13912345678", "〔电话已隐去〕")]
    [InlineData("座机010-12345678转123", "座机〔电话已隐去〕")]
    [InlineData("座机(0512)6789012", "座机〔电话已隐去〕")]
    [InlineData("身份证号11010119900307123X", "身份证号〔证件号已隐去〕")]
    [InlineData("身份证号110101199003071234号", "身份证号〔证件号已隐去〕号")]
    [InlineData("邮箱 li.si+a@mail.example.com.cn 回复", "邮箱 〔邮箱已隐去〕 回复")]
    [InlineData("卡号6222021234567890123", "卡号〔号码已隐去〕")]
    [InlineData("旧身份证110101900307123", "旧身份证〔号码已隐去〕")]
    public void Personal_data_is_masked(string text, string masked) => Assert.Equal(masked, ComplaintMasking.Mask(text));

    [Theory]
    [InlineData("事项320193-ZJ-SG-001办理超过5个工作日，2026年12月7日受理，费用12000元")]
    [InlineData("窗口人员态度很好，建议增加周六服务")]
    [InlineData("")]
    public void Ordinary_text_stays(string text) => Assert.Equal(text, ComplaintMasking.Mask(text));

    [Fact]
    public void The_submitters_name_is_masked_where_it_appears_and_a_one_character_name_is_not_used()
    {
        Assert.Equal("〔姓名已隐去〕反映：〔姓名已隐去〕的材料", ComplaintMasking.Mask("李四光反映：李四光的材料", "李四光"));
        Assert.Equal("王先生来电", ComplaintMasking.Mask("王先生来电", "王"));
        Assert.Null(ComplaintMasking.Mask(null, "李四光"));
    }

    [Fact]
    public void Several_items_in_one_text_are_each_masked()
    {
        var masked = ComplaintMasking.Mask("张三 13800000000, a@b.cn; 李四 13900000000 身份证 32010219851231001X")!;
        Assert.Equal("张三 〔电话已隐去〕, 〔邮箱已隐去〕; 李四 〔电话已隐去〕 身份证 〔证件号已隐去〕", masked);
        Assert.DoesNotMatch(@"[0-9]{7,}", masked);
    }
}
