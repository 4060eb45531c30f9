using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// 会商 on a stage: the building permit (ZJJ) and the CGJ item applied for together; ZJJ opens a 会商 from its item's
/// stage and invites CGJ; CGJ finds it in its 会商 list and answers once; ZJJ sees the answer and records the conclusion,
/// which CGJ then reads.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class JointReviewTests(PortalFixture portal)
{
    private const string CgjItem = "320193-CG-SG-001";
    private const string Topic = "施工围挡与渣土运输路线是否影响城市道路？";
    private const string Opinion = "同意，运输路线须避开学校周边道路";
    private const string Conclusion = "按城管局意见调整渣土运输路线后办理";

    [Fact]
    public async Task The_lead_department_opens_a_joint_review_another_answers_and_the_lead_concludes()
    {
        var projectName = Ui.NewProjectName();
        var phase = await portal.PhaseAsync(projectName);
        var applicant = await portal.NewPageAsync();
        var id = Guid.Empty;
        await Ui.StepsAsync(applicant, "applicant-applies-for-two-departments", async () =>
        {
            await Ui.SignInAsync(applicant, Ui.DemoApplicant, "/apply");
            id = await Applicant.SubmitItemsAsync(applicant, phase, [Applicant.BuildingPermit, CgjItem], ("建设规模", "5万平方米"));
        });
        var window = await portal.NewPageAsync();
        await Ui.StepsAsync(window, "window-accepts-two-departments", () => Staff.AcceptAsync(window, id));

        var lead = await portal.NewPageAsync();
        await Ui.StepsAsync(lead, "lead-opens-joint-review", async () =>
        {
            await Staff.OpenAndStartAsync(lead, Ui.DemoDepartment, projectName);
            await lead.Locator("#stage-joint-review").ClickAsync();
            await Ui.InteractiveAsync(lead);
            await Expect(lead.GetByTestId("stage")).ToContainTextAsync("第3阶段");
            await lead.Locator("#open-joint-review").ClickAsync();
            await Expect(lead.Locator("#jr-topic-error")).ToContainTextAsync("必须填写会商事项");
            await lead.GetByLabel("会商事项").FillAsync(Topic);
            await lead.Locator("#jr-dept-CGJ").CheckAsync();
            await lead.Locator("#open-joint-review").ClickAsync();
            await Expect(lead.GetByTestId("done")).ToHaveTextAsync("已发起会商，等待受邀部门答复。");
            var card = lead.GetByTestId("joint-review");
            await Expect(card).ToContainTextAsync(Topic);
            await Expect(card).ToContainTextAsync("待答复");
            await Expect(card.GetByTestId("joint-review-state")).ToHaveTextAsync("会商中");
        });

        await Ui.StepsAsync(applicant, "applicant-reads-project-page", async () =>
        {
            await Ui.GotoAsync(applicant, "/my/projects");
            var project = applicant.Locator($"[data-project-code='{phase.ProjectCode}']");
            await project.GetByTestId("project-page-link").ClickAsync();
            await Ui.InteractiveAsync(applicant);
            var code = applicant.Locator($"[data-engineering-code='{phase.EngineeringCode}']");
            await Expect(code.GetByTestId("project-application")).ToContainTextAsync("第3阶段");
            await Expect(code.GetByTestId("project-application")).ToContainTextAsync(CgjItem);
            await Expect(applicant.GetByTestId("project-clock")).ToContainTextAsync("第3阶段");
        });

        var invited = await portal.NewPageAsync();
        await Ui.StepsAsync(invited, "invited-department-answers", async () =>
        {
            await Ui.SignInAsync(invited, "dept-CGJ", "/department/joint-reviews");
            var row = invited.GetByTestId("joint-reviews").Locator("tr", new() { HasText = projectName });
            await Expect(row).ToContainTextAsync("待本部门答复");
            await row.GetByRole(AriaRole.Link, new() { Name = "答复" }).ClickAsync();
            await Ui.InteractiveAsync(invited);
            var card = invited.GetByTestId("joint-review").Filter(new() { HasText = Topic });
            await card.GetByLabel("本部门会商意见").FillAsync(Opinion);
            await card.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).ClickAsync();
            await Expect(invited.GetByTestId("done")).ToHaveTextAsync("已提交会商意见。");
            await Expect(card).ToContainTextAsync(Opinion);
            await Expect(card.GetByLabel("本部门会商意见")).ToHaveCountAsync(0);
            await Expect(card.GetByLabel("会商结论")).ToHaveCountAsync(0);
        });

        await Ui.StepsAsync(lead, "lead-concludes-joint-review", async () =>
        {
            await Ui.GotoAsync(lead, "/department/joint-reviews");
            var row = lead.GetByTestId("joint-reviews").Locator("tr", new() { HasText = projectName });
            await Expect(row).ToContainTextAsync("已答复 1/1");
            await row.GetByRole(AriaRole.Link, new() { Name = "查看 / 形成结论" }).ClickAsync();
            await Ui.InteractiveAsync(lead);
            var card = lead.GetByTestId("joint-review").Filter(new() { HasText = Topic });
            await Expect(card).ToContainTextAsync(Opinion);
            await card.GetByLabel("会商结论").FillAsync(Conclusion);
            await card.GetByRole(AriaRole.Button, new() { Name = "形成结论" }).ClickAsync();
            await Expect(lead.GetByTestId("done")).ToHaveTextAsync("已形成会商结论。");
            await Expect(card.GetByTestId("joint-review-conclusion")).ToContainTextAsync(Conclusion);
            await Expect(card.GetByTestId("joint-review-state")).ToHaveTextAsync("已形成结论");
            await Ui.ScreenshotAsync(lead, "joint-review-concluded");
        });

        await Ui.StepsAsync(invited, "invited-department-reads-conclusion", async () =>
        {
            await Ui.GotoAsync(invited, "/department/joint-reviews");
            var row = invited.GetByTestId("joint-reviews").Locator("tr", new() { HasText = projectName });
            await Expect(row).ToContainTextAsync("已形成结论");
            await row.GetByRole(AriaRole.Link, new() { Name = "查看" }).ClickAsync();
            await Ui.InteractiveAsync(invited);
            await Expect(invited.GetByTestId("joint-review-conclusion")).ToContainTextAsync(Conclusion);
        });
    }
}
