using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// 窗口收件（邮寄）: the window enters a mailed submission for the demo applicant's account (picked from the region's
/// earlier applications), sees the API's errors beside the applicant fields first, lands on the application's window
/// page (收件方式 邮寄, 1已接件) and accepts it; the applicant finds it in 我的申请 as 3已受理.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class WindowCounterTests(PortalFixture portal)
{
    [Fact]
    public async Task The_window_enters_a_mailed_submission_for_the_applicant_who_then_sees_it_accepted()
    {
        var applicant = await portal.NewPageAsync();
        await Ui.StepsAsync(applicant, "applicant-applies-online-once", async () =>
        {
            await Ui.SignInAsync(applicant, Ui.DemoApplicant, "/apply");
            var online = Ui.NewProjectName();
            await Applicant.SubmitAsync(applicant, online, await portal.PhaseAsync(online));
        });

        var projectName = Ui.NewProjectName();
        var phase = await portal.PhaseAsync(projectName);
        var window = await portal.NewPageAsync();
        await Ui.StepsAsync(window, "window-enters-mailed-submission", async () =>
        {
            await Ui.SignInAsync(window, Ui.DemoWindow, "/window/counter");
            await Expect(window.GetByRole(AriaRole.Link, new() { Name = "窗口收件（现场/邮寄）" })).ToBeVisibleAsync();
            await window.GetByLabel("邮寄收件").CheckAsync();
            // The window chooses the applicant's flow (审批流程类型, issue 15): 低风险 runs stage 3 in 3 working days.
            await window.GetByLabel("审批流程类型").SelectOptionAsync("320193-XX-DFX");
            await Applicant.FillProjectAsync(window, projectName, phase);
            await Expect(window.GetByTestId("stage-limit")).ToHaveTextAsync("本阶段时限：3个工作日");
            await window.GetByLabel("建设规模").FillAsync("3万平方米");
            await Expect(window.GetByTestId("counter-materials")).ToContainTextAsync("纸质材料扫描件");

            await window.Locator("#counter-submit").ClickAsync();
            await Expect(window.Locator("#applicantId-error")).ToContainTextAsync("必须填写申请人账号");
            await Expect(window.Locator("#applicantName-error")).ToContainTextAsync("申请人名称必填");

            var demo = await window.Locator("#known-applicant option", new() { HasText = "示范建设有限公司" }).First.GetAttributeAsync("value");
            await window.GetByLabel("从本区已有申请中选择申请人").SelectOptionAsync(demo!);
            await Expect(window.GetByLabel("申请人名称")).ToHaveValueAsync("示范建设有限公司");
            await Expect(window.GetByLabel("申请人账号")).ToHaveValueAsync(demo!);
            await Ui.ScreenshotAsync(window, "window-counter-form");
            await window.Locator("#counter-submit").ClickAsync();

            await window.WaitForURLAsync("**/window/applications/*", new() { Timeout = 30_000 });
            await Expect(window.GetByTestId("channel")).ToHaveTextAsync("收件方式：邮寄 · 收件人：综合窗口王五");
            await Expect(window.GetByTestId("application")).ToContainTextAsync("1已接件");
            await Expect(window.GetByTestId("application")).ToContainTextAsync(projectName);
            await Expect(window.GetByTestId("application")).ToContainTextAsync("审批流程类型：小型社会投资/低风险 · 阶段时限3个工作日");
            await window.Locator("#accept").ClickAsync();
            await Expect(window.GetByTestId("application")).ToContainTextAsync("3已受理");
            await Ui.ScreenshotAsync(window, "window-counter-accepted");
        });

        await Ui.StepsAsync(applicant, "applicant-sees-the-mailed-submission", async () =>
        {
            await Ui.GotoAsync(applicant, "/my/applications");
            var row = applicant.GetByTestId("my-applications").Locator("tr", new() { HasText = projectName });
            await Expect(row).ToContainTextAsync("3已受理");
            await row.GetByRole(AriaRole.Link, new() { Name = "办理进度" }).ClickAsync();
            await Expect(applicant.GetByTestId("timeline")).ToContainTextAsync("邮寄接件");
            await Ui.ScreenshotAsync(applicant, "applicant-sees-mailed-submission");
        });
    }
}
