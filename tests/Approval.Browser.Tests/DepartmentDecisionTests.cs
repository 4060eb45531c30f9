using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// A department's work on one item: start, a special procedure (专家评审) that pauses the clock and ends with a
/// result, then 办结（不通过） with an opinion, which the applicant reads in the timeline (and no certificate).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class DepartmentDecisionTests(PortalFixture portal)
{
    [Fact]
    public async Task A_department_pauses_for_expert_review_then_refuses_with_an_opinion_the_applicant_reads()
    {
        var projectName = Ui.NewProjectName();
        var (applicant, id) = await Applicant.DemoSubmitsAsync(portal, projectName, "applicant-submits-for-decision");

        var window = await portal.NewPageAsync();
        await Ui.StepsAsync(window, "window-accepts-for-decision", async () =>
        {
            await Ui.SignInAsync(window, Ui.DemoWindow, $"/window/applications/{id}");
            await window.Locator("#accept").ClickAsync();
            await Expect(window.GetByTestId("application")).ToContainTextAsync("3已受理");
        });

        var department = await portal.NewPageAsync();
        await Ui.StepsAsync(department, "department-special-procedure-and-refusal", async () =>
        {
            await Ui.SignInAsync(department, Ui.DemoDepartment, "/department");
            var row = department.GetByTestId("department-queue").Locator("tr", new() { HasText = projectName });
            await Ui.ClickUntilVisibleAsync(department.Locator("#refresh-items"), row);
            await row.GetByRole(AriaRole.Link, new() { Name = "办理" }).ClickAsync();
            await department.Locator("#start").ClickAsync();
            await Expect(department.GetByTestId("item")).ToContainTextAsync("8部门开始办理");

            await department.GetByLabel("程序类型").SelectOptionAsync("4");
            await department.GetByLabel("事由").FillAsync("结构方案需组织专家论证");
            await department.GetByLabel("计划工作日").FillAsync("5");
            await department.Locator("#start-special").ClickAsync();
            await Expect(department.GetByTestId("done")).ToHaveTextAsync("特别程序已开始，计时暂停。");
            await Expect(department.GetByTestId("item")).ToContainTextAsync("9特别程序（开始）");
            await Expect(department.GetByTestId("item-status").Locator("[data-clock]")).ToContainTextAsync("暂停计时");
            await Expect(department.Locator("#conclude")).ToHaveCountAsync(0);
            await Ui.ScreenshotAsync(department, "department-special-procedure");

            await department.GetByLabel("结果").FillAsync("专家论证未通过");
            await department.Locator("#end-special").ClickAsync();
            await Expect(department.GetByTestId("done")).ToHaveTextAsync("特别程序已结束，计时恢复。");
            await Expect(department.GetByTestId("item")).ToContainTextAsync("10特别程序（结束）");

            await department.Locator("#conclude").ClickAsync();
            await Expect(department.GetByText("请填写审批意见。")).ToBeVisibleAsync();
            await department.GetByLabel("不通过").CheckAsync();
            await department.GetByLabel("审批意见").FillAsync("结构安全论证未通过，不予许可。");
            await department.Locator("#conclude").ClickAsync();
            await Expect(department.GetByTestId("done")).ToHaveTextAsync("已办结（不通过）。");
            await Expect(department.GetByTestId("item")).ToContainTextAsync("13办结（不通过）");
        });

        await Ui.StepsAsync(applicant, "applicant-reads-refusal", async () =>
        {
            await Ui.GotoAsync(applicant, $"/applications/{id}");
            var opinion = applicant.GetByTestId("timeline").GetByText("意见：结构安全论证未通过，不予许可。");
            await Ui.ClickUntilVisibleAsync(applicant.Locator("#refresh-progress"), opinion);
            await Expect(applicant.GetByTestId("timeline")).ToContainTextAsync("13办结（不通过）");
            await Expect(applicant.GetByText("暂无电子证照")).ToBeVisibleAsync();
        });
    }
}
