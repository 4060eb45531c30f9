using System.Text;
using Approval.Intake.Domain;

namespace Approval.UnitTests;

/// <summary>Material types are checked by extension and by magic bytes; either one alone is not enough.</summary>
public sealed class MaterialTypesTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n");
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00];
    private static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];

    public static TheoryData<string, byte[], string> Accepted() => new()
    {
        { "施工合同.pdf", Pdf, "application/pdf" },
        { "SCAN.PDF", Pdf, "application/pdf" },
        { "照片.jpg", Jpeg, "image/jpeg" },
        { "照片.jpeg", Jpeg, "image/jpeg" },
        { "图纸.png", Png, "image/png" },
        { "电子证照.ofd", Zip, "application/ofd" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void A_file_whose_extension_and_first_bytes_agree_is_accepted_with_its_content_type(string name, byte[] header, string contentType)
    {
        var (type, problem) = MaterialTypes.Check(name, header);
        Assert.Equal((contentType, (string?)null), (type, problem));
    }

    [Fact]
    public void An_executable_renamed_pdf_is_refused_for_its_content()
    {
        var (type, problem) = MaterialTypes.Check("施工合同.pdf", Exe);
        Assert.Null(type);
        Assert.Contains("文件内容与扩展名.pdf不符", problem);
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("合同.docx")]
    [InlineData("no-extension")]
    [InlineData(null)]
    public void A_type_outside_the_list_is_refused_for_its_extension_even_with_pdf_content(string? name)
    {
        var (type, problem) = MaterialTypes.Check(name, Pdf);
        Assert.Null(type);
        Assert.Contains("不允许的文件类型", problem);
    }

    [Fact]
    public void A_png_renamed_jpg_and_a_file_shorter_than_its_magic_are_refused()
    {
        Assert.Null(MaterialTypes.Check("照片.jpg", Png).ContentType);
        Assert.Null(MaterialTypes.Check("图纸.png", Png.AsSpan(0, 4)).ContentType);
        Assert.Null(MaterialTypes.Check("a.pdf", []).ContentType);
    }
}
