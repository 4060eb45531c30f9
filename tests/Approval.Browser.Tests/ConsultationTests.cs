using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>受理前征求意见: the window asks the item's department, the department answers once, the window reads the answer and accepts.</summary>
[Collection(PortalCollection.Name)]
public sealed class ConsultationTests(PortalFixture portal)
{
    private const string Question = "该项目施工图审查合格书是否已在共享库中？";
    private const string Opinion = "已在共享库中，可以受理";

    [Fact]
    public async Task The_window_consults_a_department_which_answers_before_acceptance()
    {
        var projectName = Ui.NewProjectName();
        var (applicant, id) = await Applicant.DemoSubmitsAsync(portal, projectName, "applicant-submits");

        var window = await portal.NewPageAsync();
        await Ui.StepsAsync(window, "window-asks", async () =>
        {
            await Ui.SignInAsync(window, Ui.DemoWindow, $"/window/applications/{id}");
            var panel = window.GetByTestId("consultations");
            await panel.GetByLabel("征求意见的问题").FillAsync(Question);
            await panel.Locator("#consult-ZJJ").CheckAsync();
            await panel.Locator("#ask-consultation").ClickAsync();
            await Expect(panel.Locator("tbody tr")).ToHaveCountAsync(1);
            await Expect(panel.Locator("tbody tr")).ToContainTextAsync(Question);
            await Expect(panel.Locator("tbody tr")).ToContainTextAsync("待答复");
        });

        var department = await portal.NewPageAsync();
        await Ui.StepsAsync(department, "department-answers", async () =>
        {
            await Ui.SignInAsync(department, Ui.DemoDepartment, "/department/consultations");
            var card = department.GetByTestId("consultation").Filter(new() { HasText = projectName });
            await Expect(card).ToContainTextAsync("问题：" + Question);
            await card.GetByLabel("答复意见").FillAsync(Opinion);
            await card.GetByRole(AriaRole.Button, new() { Name = "答复" }).ClickAsync();
            await Expect(department.GetByTestId("done")).ToHaveTextAsync("已答复。");
            await Expect(card).ToContainTextAsync("已答复：" + Opinion);
            await Expect(card.GetByLabel("答复意见")).ToHaveCountAsync(0);
        });

        await Ui.StepsAsync(window, "window-reads-answer-and-accepts", async () =>
        {
            await Ui.GotoAsync(window, $"/window/applications/{id}");
            await Expect(window.GetByTestId("consultations").Locator("tbody tr")).ToContainTextAsync(Opinion);
            await window.Locator("#accept").ClickAsync();
            await Expect(window.GetByTestId("application")).ToContainTextAsync("3已受理");
            await Expect(window.Locator("#ask-consultation")).ToHaveCountAsync(0);
        });
    }
}
