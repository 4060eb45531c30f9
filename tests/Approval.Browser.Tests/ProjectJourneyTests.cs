using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// Data entered once (issue 7): a new person registers, registers a project under its 项目代码 in 我的项目, generates the
/// engineering code (工程代码) of its first phase, applies by that code with the project's data prefilled, uploads
/// materials and submits; the window accepts, the item's department approves, and the person downloads the certificate.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class ProjectJourneyTests(PortalFixture portal)
{
    private const string Password = "Browser#2026pass";
    private const string Opinion = "工程代码申报，材料齐全，准予许可。";

    [Fact]
    public async Task A_new_person_registers_a_project_applies_by_engineering_code_and_downloads_the_certificate()
    {
        var projectCode = ProjectPhases.NewProjectCode();
        var projectName = Ui.NewProjectName();
        var applicant = await portal.NewPageAsync();
        var userName = "";
        await Ui.StepsAsync(applicant, "person-registers", async () =>
        {
            await Ui.GotoAsync(applicant, "/account/register");
            userName = await Applicant.RegisterPersonAsync(applicant, "王五", Password);
        });

        var engineeringCode = "";
        await Ui.StepsAsync(applicant, "person-registers-a-project", async () =>
        {
            await Ui.SignInAsync(applicant, userName, "/my/projects", Password);
            await Expect(applicant.GetByTestId("no-projects")).ToBeVisibleAsync();
            var project = await Applicant.RegisterProjectAsync(applicant, projectCode, projectName);

            // The engineering code needs a name: the API's message beside the field of this project.
            await project.GetByTestId("issue-engineering-code").ClickAsync();
            await Expect(project.GetByRole(AriaRole.Alert).First).ToContainTextAsync("工程（阶段/批次）名称必填");
            engineeringCode = await Applicant.IssueEngineeringCodeAsync(project, "一期");
            Assert.Equal(projectCode + "-001", engineeringCode);
            await Expect(applicant.GetByTestId("done")).ToContainTextAsync($"已生成工程代码 {engineeringCode}（一期）");
            await Ui.ScreenshotAsync(applicant, "my-projects");
        });

        var id = Guid.Empty;
        await portal.PassedReviewAsync(new ProjectPhase(projectCode, engineeringCode), userName, Password); // the permit's 通过 needs it
        await Ui.StepsAsync(applicant, "person-applies-by-engineering-code", async () =>
        {
            var project = applicant.Locator($"[data-testid=project][data-project-code='{projectCode}']");
            await project.GetByRole(AriaRole.Link, new() { Name = "按此工程代码申报" }).ClickAsync();
            await applicant.WaitForURLAsync(ApplyByEngineeringCode());
            await Expect(applicant.GetByRole(AriaRole.Heading, new() { Name = "在线申报", Exact = true })).ToBeVisibleAsync();
            await Expect(applicant.Locator("#engineeringCode")).ToHaveValueAsync(engineeringCode);
            await Expect(applicant.GetByLabel("工程代码")).ToHaveValueAsync(engineeringCode);
            await Expect(applicant.GetByTestId("engineering-project")).ToContainTextAsync(projectName);
            await Expect(applicant.GetByLabel("项目代码")).ToHaveCountAsync(0); // not asked: it comes with the engineering code

            await applicant.GetByLabel("审批阶段").SelectOptionAsync("3");
            await applicant.Locator($"#item-{Applicant.BuildingPermit}").CheckAsync();
            // Intake's prefill: the stage form's 项目名称 and 项目代码 hold the project's values, shown and not asked again.
            var prefilled = applicant.GetByTestId("prefilled");
            await Expect(prefilled).ToContainTextAsync("项目名称（由项目带入）" + projectName);
            await Expect(prefilled).ToContainTextAsync("项目代码（由项目带入）" + projectCode);
            await applicant.GetByLabel("建设规模").FillAsync("3万平方米");
            await applicant.GetByLabel("合同价格（万元）").FillAsync("8000");
            var picker = applicant.GetByTestId("material-picker");
            await Applicant.UploadPdfAsync(picker, "建筑工程施工许可证申请表", "申请表.pdf");
            await Applicant.UploadPdfAsync(picker, "施工合同", "施工合同.pdf");
            // each entry still shows its own upload after the second one joined the history list
            await Expect(picker.GetByLabel("选用已有材料或电子证照：建筑工程施工许可证申请表").Locator("option:checked")).ToContainTextAsync("申请表.pdf");
            await Expect(picker.GetByLabel("选用已有材料或电子证照：施工合同").Locator("option:checked")).ToContainTextAsync("施工合同.pdf");
            await Expect(applicant.Locator("#engineeringCode")).ToHaveValueAsync(engineeringCode); // still chosen once my codes are listed
            await Ui.ScreenshotAsync(applicant, "apply-by-engineering-code");

            await applicant.Locator("#submit-application").ClickAsync();
            await applicant.WaitForURLAsync("**/applications/*", new() { Timeout = 30_000 });
            await Expect(applicant.GetByTestId("application")).ToContainTextAsync("1已接件");
            await Expect(applicant.GetByTestId("application")).ToContainTextAsync($"{projectName}（项目代码 {projectCode}）");
            await Expect(applicant.GetByTestId("application")).ToContainTextAsync("王五");
            id = Guid.Parse(new Uri(applicant.Url).AbsolutePath.Split('/').Last());
        });

        var window = await portal.NewPageAsync();
        await Ui.StepsAsync(window, "window-accepts", async () =>
        {
            await Ui.SignInAsync(window, Ui.DemoWindow, "/window");
            var row = window.GetByTestId("window-queue").Locator("tr", new() { HasText = projectName });
            await Expect(row).ToContainTextAsync("1已接件");
            await row.GetByRole(AriaRole.Link, new() { Name = "办理" }).ClickAsync();
            await Expect(window.GetByTestId("materials")).ToContainTextAsync("施工合同.pdf");
            await Expect(window.GetByTestId("materials")).ToContainTextAsync("申请表.pdf");
            await Ui.GotoAsync(window, "/window");
            await Staff.AcceptFromQueueAsync(window, projectName);
        });

        var department = await portal.NewPageAsync();
        await Ui.StepsAsync(department, "department-approves", async () =>
        {
            await Ui.SignInAsync(department, Ui.DemoDepartment, "/department");
            await Staff.ApproveAsync(department, projectName, Opinion);
        });

        await Ui.StepsAsync(applicant, "person-downloads-the-certificate", async () =>
        {
            await Applicant.DownloadCertificateAsync(applicant, id);
            await Expect(applicant.GetByTestId("timeline")).ToContainTextAsync("11办结（通过）");
            await Expect(applicant.GetByTestId("timeline")).ToContainTextAsync(Opinion);
            await Ui.ScreenshotAsync(applicant, "project-applicant-progress");
        });
    }

    [Fact]
    public async Task An_invalid_project_code_shows_the_APIs_message_beside_the_field()
    {
        var projectName = Ui.NewProjectName();
        var page = await portal.NewPageAsync();
        await Ui.StepsAsync(page, "applicant-registers-invalid-codes", async () =>
        {
            await Ui.SignInAsync(page, Ui.DemoApplicant, "/my/projects");
            await Applicant.FillProjectRegistrationAsync(page, "2611-320193-89-01-5440", projectName);
            await Expect(page.Locator("#p-code-error")).ToContainTextAsync("项目代码格式应为NNNN-NNNNNN-NN-NN-NNNNNN（24位）");
            await Expect(page.Locator("#p-code")).ToHaveValueAsync("2611-320193-89-01-5440"); // kept to correct
            await Ui.ScreenshotAsync(page, "register-project-error");

            await page.Locator("#p-code").FillAsync("2611-999999-89-01-544060");
            await page.Locator("#register-project").ClickAsync();
            await Expect(page.Locator("#p-code-error")).ToContainTextAsync("项目代码的区划段（999999）不属于本地区（320193）");
            await Expect(page.GetByTestId("project").Filter(new() { HasText = projectName })).ToHaveCountAsync(0);
        });
    }

    [GeneratedRegex(@"/apply\?engineeringCode=")]
    private static partial Regex ApplyByEngineeringCode();
}
