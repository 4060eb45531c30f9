using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// One case carried to its certificate in the browser, by the three demo people: the applicant applies with the
/// stage form (and sees the form's and the API's errors next to the fields), the window accepts (受理), the
/// department starts and approves (办结（通过）) with an opinion, the applicant follows the timeline and downloads the
/// sealed certificate, and anyone verifies it without logging in.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CaseJourneyTests(PortalFixture portal)
{
    [Fact]
    public async Task Applicant_window_and_department_carry_a_case_to_a_downloaded_certificate()
    {
        var projectName = Ui.NewProjectName();
        var phase = await portal.PhaseAsync(projectName);
        await portal.PassedReviewAsync(phase); // the permit's 通过 needs the construction-drawing review
        var applicant = await portal.NewPageAsync();
        var id = Guid.Empty;
        await Ui.StepsAsync(applicant, "applicant-applies", async () =>
        {
            await Ui.SignInAsync(applicant, Ui.DemoApplicant, "/apply");
            await Expect(applicant.GetByTestId("signed-in-as")).ToHaveTextAsync("示范建设有限公司");
            // First by project code alone, with a code of another region.
            await applicant.GetByLabel("项目代码").FillAsync("2509-999999-89-01-544060");
            await applicant.GetByLabel("项目名称").FillAsync(projectName);
            await applicant.GetByLabel("审批阶段").SelectOptionAsync("3");
            await applicant.Locator($"#item-{Applicant.BuildingPermit}").CheckAsync();

            // The form's own checks: a required field left empty, a number below its minimum.
            await applicant.GetByLabel("合同价格（万元）").FillAsync("-5");
            await applicant.Locator("#submit-application").ClickAsync();
            await Expect(applicant.GetByText("请填写建设规模")).ToBeVisibleAsync();
            await Expect(applicant.GetByText("合同价格（万元）不能小于0")).ToBeVisibleAsync();

            // The API's ProblemDetails: the project code's region segment is not this region's.
            await applicant.GetByLabel("建设规模").FillAsync("5万平方米");
            await applicant.GetByLabel("合同价格（万元）").FillAsync("12000");
            await applicant.GetByLabel("计划开工日期").FillAsync("2026-12-01");
            await applicant.Locator("#submit-application").ClickAsync();
            await Expect(applicant.Locator("#projectCode-error")).ToContainTextAsync("项目代码的区划段（999999）不属于本地区（320193）");
            // Stage 3 is applied for by the project phase's engineering code, named beside its field too.
            await Expect(applicant.Locator("#engineeringCode-error")).ToContainTextAsync("自第二阶段起必须按工程代码申报");
            await Ui.ScreenshotAsync(applicant, "apply-with-errors");

            await Applicant.ChooseEngineeringCodeAsync(applicant, phase);
            await Expect(applicant.GetByTestId("prefilled")).ToContainTextAsync(projectName); // the form reloaded with the project's values
            await applicant.GetByLabel("建设规模").FillAsync("5万平方米");
            await applicant.GetByLabel("合同价格（万元）").FillAsync("12000");
            await applicant.GetByLabel("计划开工日期").FillAsync("2026-12-01");
            await applicant.Locator("#submit-application").ClickAsync();
            await applicant.WaitForURLAsync("**/applications/*", new() { Timeout = 30_000 });
            await Expect(applicant.GetByRole(AriaRole.Status)).ToContainTextAsync("申请已提交");
            await Expect(applicant.GetByTestId("application")).ToContainTextAsync("1已接件");
            id = Guid.Parse(new Uri(applicant.Url).AbsolutePath.Split('/').Last());
            await Ui.GotoAsync(applicant, "/my/applications");
            await Expect(applicant.GetByTestId("my-applications")).ToContainTextAsync(projectName);
        });

        var window = await portal.NewPageAsync();
        await Ui.StepsAsync(window, "window-accepts", async () =>
        {
            await Ui.SignInAsync(window, Ui.DemoWindow, "/window");
            var row = window.GetByTestId("window-queue").Locator("tr", new() { HasText = projectName });
            await Expect(row).ToContainTextAsync("1已接件");
            await Ui.ScreenshotAsync(window, "window-queue");
            await row.GetByRole(AriaRole.Link, new() { Name = "办理" }).ClickAsync();
            await Expect(window.GetByTestId("application")).ToContainTextAsync("建筑工程施工许可证核发");
            await window.Locator("#accept").ClickAsync();
            await Expect(window.GetByTestId("done")).ToHaveTextAsync("已受理，事项已分送各审批部门。");
            await Expect(window.GetByTestId("application")).ToContainTextAsync("3已受理");
            await Ui.ScreenshotAsync(window, "window-accepted");
        });

        var department = await portal.NewPageAsync();
        await Ui.StepsAsync(department, "department-approves", async () =>
        {
            await Ui.SignInAsync(department, Ui.DemoDepartment, "/department");
            var row = department.GetByTestId("department-queue").Locator("tr", new() { HasText = projectName });
            await Ui.ClickUntilVisibleAsync(department.Locator("#refresh-items"), row);
            await Expect(row.Locator("[data-clock=OnTime]")).ToContainTextAsync("正常");
            await Ui.ScreenshotAsync(department, "department-queue");
            await row.GetByRole(AriaRole.Link, new() { Name = "办理" }).ClickAsync();
            await department.Locator("#start").ClickAsync();
            await Expect(department.GetByTestId("done")).ToHaveTextAsync("已开始办理。");
            await Expect(department.GetByTestId("item")).ToContainTextAsync("8部门开始办理");
            await department.GetByLabel("审批意见").FillAsync("材料齐全，符合法定条件，准予许可。");
            await department.Locator("#conclude").ClickAsync();
            await Expect(department.GetByTestId("done")).ToHaveTextAsync("已办结（通过）。");
            await Expect(department.GetByTestId("item")).ToContainTextAsync("11办结（通过）");
            await Ui.ScreenshotAsync(department, "department-concluded");
        });

        string identifier = "";
        await Ui.StepsAsync(applicant, "applicant-downloads", async () =>
        {
            await Ui.GotoAsync(applicant, $"/applications/{id}");
            var licences = applicant.GetByTestId("licences");
            await Ui.ClickUntilVisibleAsync(applicant.Locator("#refresh-progress"), licences);
            await Expect(applicant.GetByTestId("timeline")).ToContainTextAsync("材料齐全，符合法定条件，准予许可。");
            await Expect(applicant.GetByTestId("timeline")).ToContainTextAsync("11办结（通过）");
            await Ui.ScreenshotAsync(applicant, "applicant-progress");
            identifier = (await licences.Locator("tbody tr td").Nth(1).InnerTextAsync()).Trim();
            var download = await applicant.RunAndWaitForDownloadAsync(() => licences.GetByRole(AriaRole.Link, new() { Name = "下载证照" }).ClickAsync());
            var path = Path.Combine(Ui.ScreenshotFolder, "..", "certificate.pdf");
            await download.SaveAsAsync(path);
            var bytes = await File.ReadAllBytesAsync(path);
            Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.Equal($"{identifier}.pdf", download.SuggestedFilename);
        });

        var anyone = await portal.NewPageAsync();
        await Ui.StepsAsync(anyone, "anyone-verifies", async () =>
        {
            // What the certificate's QR code opens: in a browser, the portal's verification page.
            await Ui.GotoAsync(anyone, $"/api/licences/verify/{identifier}");
            await Expect(anyone.GetByTestId("verification")).ToContainTextAsync("证照真实有效");
            await Expect(anyone.GetByTestId("verification")).ToContainTextAsync(projectName);
            await Ui.ScreenshotAsync(anyone, "verify");
        });
    }
}
