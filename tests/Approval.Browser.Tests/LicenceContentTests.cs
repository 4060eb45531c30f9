using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// 照面信息 (#24): the building permit's certificate states what the applicant's stage form says. The department checks the
/// content before 办结（通过）, sees the API's error under a field it typed wrongly, corrects it and adds the 备注; the
/// applicant reads the content on the licence page and in the sealed PDF, and the public verification shows it too.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class LicenceContentTests(PortalFixture portal)
{
    private const string Builder = "示范建工集团";
    private const string Remark = "按图施工";

    /// <summary>The stage form as the applicant fills it: its labels are the certificate's content field names.</summary>
    private static readonly (string Label, string Value)[] Form =
    [
        ("建设规模", "5万平方米"), ("合同价格（万元）", "12000"), ("建设地址", "示范区星湖街8号"),
        ("勘察单位", "示范勘察设计院"), ("设计单位", "示范建筑设计院"), ("施工单位", Builder), ("监理单位", "示范监理公司"),
        ("勘察单位项目负责人", "赵勘"), ("设计单位项目负责人", "钱设"), ("施工单位项目负责人", "孙工"), ("总监理工程师", "李监"),
        ("合同工期（日历天）", "540"),
    ];

    [Fact]
    public async Task The_department_checks_the_certificate_content_and_the_holder_and_the_public_read_it()
    {
        var projectName = Ui.NewProjectName();
        var phase = await portal.PhaseAsync(projectName);
        await portal.PassedReviewAsync(phase); // the permit's 通过 needs the construction-drawing review
        var applicant = await portal.NewPageAsync();
        var id = Guid.Empty;
        await Ui.StepsAsync(applicant, "applicant-applies-with-content", async () =>
        {
            await Ui.SignInAsync(applicant, Ui.DemoApplicant, "/apply");
            id = await Applicant.SubmitItemsAsync(applicant, phase, [Applicant.BuildingPermit], Form);
        });
        var window = await portal.NewPageAsync();
        await Ui.StepsAsync(window, "window-accepts-permit", () => Staff.AcceptAsync(window, id));

        var department = await portal.NewPageAsync();
        await Ui.StepsAsync(department, "department-checks-content", async () =>
        {
            await Staff.OpenAndStartAsync(department, Ui.DemoDepartment, projectName);
            var check = department.GetByTestId("licence-content-check");
            await Expect(check).ToContainTextAsync("证照照面信息（出证前核对）");
            await Expect(check.GetByLabel("施工单位", new() { Exact = true })).ToHaveValueAsync(Builder);
            await Expect(check.Locator("[data-field='施工单位'] .portal-hint")).ToHaveTextAsync("（来自申请表）");
            await Expect(check.Locator("[data-field='备注'] .portal-hint")).ToHaveTextAsync("（由部门填写）");

            var price = check.GetByLabel("合同价格（万元）", new() { Exact = true });
            await Expect(price).ToHaveValueAsync("12000");
            await Expect(price).ToHaveAttributeAsync("inputmode", "decimal");
            await price.FillAsync("abc");
            await department.GetByLabel("审批意见").FillAsync("材料齐全，符合法定条件，准予许可。");
            await department.Locator("#conclude").ClickAsync();
            await Expect(check.Locator("[data-field='合同价格（万元）'] .portal-field-error")).ToBeVisibleAsync();
            await Expect(price).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(department.GetByTestId("problem")).ToBeVisibleAsync();
            await Expect(department.GetByTestId("done")).ToBeEmptyAsync(); // not concluded
            await Ui.ScreenshotAsync(department, "licence-content-error");

            await price.FillAsync("12500");
            await check.GetByLabel("备注", new() { Exact = true }).FillAsync(Remark);
            await Staff.ConcludeApprovedAsync(department, "材料齐全，符合法定条件，准予许可。");
        });

        var identifier = "";
        await Ui.StepsAsync(applicant, "applicant-reads-licence-content", async () =>
        {
            identifier = await Applicant.DownloadCertificateAsync(applicant, id);
            await applicant.GetByTestId("licences").GetByRole(AriaRole.Link, new() { Name = "照面信息" }).First.ClickAsync();
            await Ui.InteractiveAsync(applicant);
            await Expect(applicant.GetByTestId("licence")).ToContainTextAsync(identifier);
            await ExpectContentAsync(applicant, projectName);
            await Expect(applicant.GetByTestId("licence-validity")).ToContainTextAsync("有效期：");
            await Ui.ScreenshotAsync(applicant, "licence-content");

            // the sealed PDF states the same content (DownloadCertificateAsync keeps it as <identifier>.pdf beside the screenshots)
            var text = await PdfTextAsync(Path.Combine(Ui.ScreenshotFolder, "..", $"{identifier}.pdf"));
            foreach (var expected in Form.SelectMany(f => new[] { f.Label, f.Label == "合同价格（万元）" ? "12500" : f.Value })
                         .Concat(["建设单位", "示范建设有限公司", "工程名称", projectName, "备注", Remark]))
                Assert.True(text.Contains(expected, StringComparison.Ordinal), $"the certificate PDF does not state {expected}:\n{text}");
        });

        var anyone = await portal.NewPageAsync();
        await Ui.StepsAsync(anyone, "anyone-verifies-content", async () =>
        {
            await Ui.GotoAsync(anyone, $"/api/licences/verify/{identifier}");
            await Expect(anyone.GetByTestId("verification")).ToContainTextAsync("证照真实有效");
            await ExpectContentAsync(anyone, projectName);
            await Expect(anyone.GetByTestId("licence-validity")).ToContainTextAsync("有效期：");
        });
    }

    /// <summary>The page's 照面信息 list states the corrected price, the builder, the remark, the holder and the project.</summary>
    private static async Task ExpectContentAsync(IPage page, string projectName)
    {
        var content = page.GetByTestId("licence-content");
        await Expect(Value(content, "施工单位")).ToHaveTextAsync(Builder);
        await Expect(Value(content, "合同价格（万元）")).ToHaveTextAsync("12500");
        await Expect(Value(content, "合同工期（日历天）")).ToHaveTextAsync("540");
        await Expect(Value(content, "备注")).ToHaveTextAsync(Remark);
        await Expect(Value(content, "工程名称")).ToHaveTextAsync(projectName);
        await Expect(Value(content, "建设单位")).ToHaveTextAsync("示范建设有限公司");
    }

    /// <summary>The value (dd) of one content field (dt) of a 照面信息 list.</summary>
    private static ILocator Value(ILocator content, string name) =>
        content.Locator($"xpath=./dt[normalize-space(.)='{name}']/following-sibling::dd[1]");

    /// <summary>The PDF's text as poppler's pdftotext lays it out, whitespace removed (a label and its value may be spaced or wrapped).</summary>
    private static async Task<string> PdfTextAsync(string path)
    {
        var start = new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8,
        };
        using var pdftotext = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start (poppler-utils)");
        var output = pdftotext.StandardOutput.ReadToEndAsync();
        var error = pdftotext.StandardError.ReadToEndAsync();
        await pdftotext.WaitForExitAsync();
        Assert.True(pdftotext.ExitCode == 0, $"pdftotext failed ({pdftotext.ExitCode}): {await error}");
        return Regex.Replace(await output, @"\s+", "");
    }
}
