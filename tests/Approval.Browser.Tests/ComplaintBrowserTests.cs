using Approval.EndToEnd.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// 建议投诉 in the portal (issue 19): a visitor follows the 建议投诉 link of the page header to the public list and is
/// sent to sign in to submit; the applicant submits a complaint about 住建局; ZJJ answers it on its handling page; the
/// applicant reads the answer under 我的建议投诉, and a visitor finds it in the public list with the phone number hidden.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ComplaintBrowserTests(PortalFixture portal)
{
    // The first calls to Supervision of a freshly started suite on a loaded machine take longer than the default 5 s.
    private static readonly LocatorAssertionsToContainTextOptions Slow = new() { Timeout = 30_000 };

    [Fact]
    public async Task A_complaint_is_submitted_answered_and_shown_publicly_without_the_phone_number()
    {
        var token = $"浏览器投诉{new string(Guid.NewGuid().ToString("N").Select(c => (char)('a' + c % 26)).Take(8).ToArray())}";
        var applicant = await portal.NewPageAsync();
        await Ui.StepsAsync(applicant, "visitor-finds-complaints-and-signs-in", async () =>
        {
            await Ui.GotoAsync(applicant, "/catalog");
            await applicant.GetByTestId("complaints-entry").ClickAsync();
            await applicant.WaitForURLAsync("**/complaints");
            await Expect(applicant.GetByRole(AriaRole.Heading, new() { Name = "建议投诉", Exact = true })).ToBeVisibleAsync();
            await applicant.GetByTestId("complaint-signin").ClickAsync();
            await applicant.WaitForURLAsync("**/account/login?ReturnUrl=*");
            await applicant.GetByLabel("用户名").FillAsync(Ui.DemoApplicant);
            await applicant.GetByLabel("密码").FillAsync(Accounts.DemoPassword);
            await applicant.Locator("#login-submit").ClickAsync();
            await applicant.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/complaints/new", new() { Timeout = 30_000 });
            await Ui.InteractiveAsync(applicant);
        });
        await Ui.StepsAsync(applicant, "applicant-submits-complaint", async () =>
        {
            await applicant.Locator("#c-submit").ClickAsync();
            await Expect(applicant.Locator("#c-department-error")).ToContainTextAsync("须为本地区的审批部门", Slow);
            await applicant.GetByLabel("部门").SelectOptionAsync(new SelectOptionValue { Label = "示范区住房和城乡建设局" });
            await applicant.GetByLabel("标题（最多100字）").FillAsync(token);
            await applicant.GetByLabel("内容（最多2000字）").FillAsync("施工许可办理超期，请回电13812345678。");
            await applicant.Locator("#c-submit").ClickAsync();
            await Expect(applicant.GetByTestId("done")).ToContainTextAsync("已提交，示范区住房和城乡建设局将在", Slow);
            await Ui.ScreenshotAsync(applicant, "complaint-submitted");
        });

        var department = await portal.NewPageAsync();
        await Ui.StepsAsync(department, "department-answers", async () =>
        {
            await Ui.SignInAsync(department, Ui.DemoDepartment, "/department/complaints");
            var row = department.GetByTestId("complaint-row").Filter(new() { HasText = token });
            await Expect(row).ToContainTextAsync("待答复", Slow);
            await row.GetByLabel("答复内容").FillAsync("已核实并办结，如有疑问请致电0512-66881234。");
            await row.GetByRole(AriaRole.Button, new() { Name = "答复" }).ClickAsync();
            await Expect(department.GetByTestId("done")).ToHaveTextAsync("已答复，提交人将收到通知。", new() { Timeout = 30_000 });
            await Ui.ScreenshotAsync(department, "complaint-answered");
        });

        await Ui.StepsAsync(applicant, "applicant-reads-answer", async () =>
        {
            await Ui.GotoAsync(applicant, "/my/complaints");
            var mine = applicant.GetByTestId("complaint-row").Filter(new() { HasText = token });
            await Expect(mine).ToContainTextAsync("已答复", Slow);
            await Expect(mine).ToContainTextAsync("已核实并办结");
        });

        var visitor = await portal.NewPageAsync();
        await Ui.StepsAsync(visitor, "visitor-reads-public-list", async () =>
        {
            await Ui.GotoAsync(visitor, "/complaints");
            var shown = visitor.GetByTestId("public-complaints").Locator("li", new() { HasText = token });
            await Expect(shown).ToContainTextAsync("〔电话已隐去〕", Slow);
            await Expect(shown).Not.ToContainTextAsync("13812345678");
            await Expect(shown).Not.ToContainTextAsync("66881234");
            await Expect(shown).ToContainTextAsync("示范区住房和城乡建设局");
            await Ui.ScreenshotAsync(visitor, "complaints-public");
        });
    }
}
