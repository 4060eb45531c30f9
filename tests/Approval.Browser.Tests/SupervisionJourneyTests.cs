using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// Issue 19 in the portal: the supervisor's dashboard (效能督查) shows an accepted case's department with its chart and
/// drills down to the case; a regulator (reg-ZJJ, 监管工作台) opens the project's timeline by its code and files an
/// inspection; the applicant reads it on the project's timeline from 我的项目.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SupervisionJourneyTests(PortalFixture portal)
{
    private const string Item = "320193-RF-SG-001"; // 结合民用建筑修建防空地下室审批, dept RFB

    [Fact]
    public async Task The_dashboard_shows_the_case_a_regulator_files_an_inspection_and_the_applicant_reads_it_on_the_timeline()
    {
        var projectName = Ui.NewProjectName();
        var phase = await portal.PhaseAsync(projectName);
        var applicant = await portal.NewPageAsync();
        var id = Guid.Empty;
        await Ui.StepsAsync(applicant, "supervised-applicant-applies", async () =>
        {
            await Ui.SignInAsync(applicant, Ui.DemoApplicant, "/apply");
            id = await Applicant.SubmitItemAsync(applicant, phase, Item, ("总建筑面积（平方米）", "20000"), ("防空地下室面积（平方米）", "3000"));
        });
        var window = await portal.NewPageAsync();
        await Ui.StepsAsync(window, "supervised-window-accepts", () => Staff.AcceptAsync(window, id));

        var supervisor = await portal.NewPageAsync();
        await Ui.StepsAsync(supervisor, "supervisor-dashboard", async () =>
        {
            await Ui.SignInAsync(supervisor, "supervisor-demo", "/supervision");
            var row = supervisor.GetByTestId("sup-figures").Locator("tr", new() { HasText = "（RFB）" });
            await Ui.ClickUntilVisibleAsync(supervisor.Locator("#sup-load"), row, seconds: 120);
            await Expect(supervisor.GetByTestId("sup-ontime-chart")).ToBeVisibleAsync();
            await Ui.ScreenshotAsync(supervisor, "supervision-dashboard");
            await row.GetByRole(AriaRole.Link, new() { Name = "查看办件" }).ClickAsync();
            await Expect(supervisor.GetByText(projectName).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        });

        var regulator = await portal.NewPageAsync();
        await Ui.StepsAsync(regulator, "regulator-files-an-inspection", async () =>
        {
            await Ui.SignInAsync(regulator, "reg-ZJJ", "/regulator");
            await regulator.Locator("#reg-project").FillAsync(phase.ProjectCode);
            await regulator.Locator("#reg-open").ClickAsync();
            await Ui.InteractiveAsync(regulator);
            var accepted = regulator.GetByTestId("project-timeline").GetByText("第3阶段受理");
            await Ui.ClickUntilVisibleAsync(regulator.Locator("#timeline-refresh"), accepted, seconds: 120);
            await regulator.Locator("#reg-kind").SelectOptionAsync("inspection");
            await regulator.Locator("#reg-title").FillAsync("人防工程质量检查");
            await regulator.Locator("#reg-summary").FillAsync("防空地下室施工现场检查，未发现问题。");
            await regulator.Locator("#reg-date").FillAsync(Staff.DaysFromToday(0));
            await regulator.Locator("#reg-file").ClickAsync();
            await Expect(regulator.GetByTestId("done")).ToContainTextAsync("监管记录已录入");
            await Expect(regulator.GetByTestId("project-timeline")).ToContainTextAsync("监督检查：人防工程质量检查");
            await Ui.ScreenshotAsync(regulator, "regulator-timeline");
        });

        await Ui.StepsAsync(applicant, "applicant-reads-the-timeline", async () =>
        {
            await Ui.GotoAsync(applicant, "/my/projects");
            await applicant.Locator($"[data-project-code='{phase.ProjectCode}']").GetByTestId("project-timeline-link").ClickAsync();
            await Ui.InteractiveAsync(applicant);
            await Expect(applicant.GetByTestId("project-timeline")).ToContainTextAsync("监督检查：人防工程质量检查", new() { Timeout = 30_000 });
        });
    }
}
