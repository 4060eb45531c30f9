using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// Issue 16's "Done when" in the portal: the demo applicant commissions the construction-drawing review (施工图审查) of a
/// project phase from TSZX (技术审查); review-demo starts it, asks for one supplement (the clock pauses), concludes 合格 with a
/// PDF sealed by TSZX's e-seal; the 施工图审查合格书 is the applicant's material, chosen in the building permit's application
/// without an upload; ZJJ sees the result beside the item and concludes 通过; the progress page shows the review's steps and clock.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ReviewJourneyTests(PortalFixture portal)
{
    private const string Certificate = "施工图审查合格书";

    [Fact]
    public async Task The_applicant_commissions_the_review_the_agency_concludes_it_and_the_permit_uses_its_result()
    {
        var projectName = Ui.NewProjectName();
        var phase = await portal.PhaseAsync(projectName);
        await ReviewSetup.EnsureAgencySealAsync(portal);
        var applicant = await portal.NewPageAsync();
        await Ui.StepsAsync(applicant, "applicant-commissions-the-review", async () =>
        {
            await Ui.SignInAsync(applicant, Ui.DemoApplicant, "/my/reviews");
            await applicant.Locator("#r-project").SelectOptionAsync(phase.ProjectCode);
            await applicant.Locator("#r-engineering").SelectOptionAsync(phase.EngineeringCode);
            await applicant.Locator("#r-type").SelectOptionAsync("construction-drawing");
            await applicant.Locator("#r-agency").SelectOptionAsync("TSZX");
            await applicant.Locator("#r-note").FillAsync("施工图一套（建筑、结构、消防）");
            await applicant.Locator("#commission").ClickAsync();
            await Expect(applicant.GetByTestId("done")).ToContainTextAsync("进行施工图审查", new() { Timeout = 30_000 });
            await Expect(Review(applicant, phase).GetByTestId("review-status")).ToHaveTextAsync("已委托");
        });

        var agency = await portal.NewPageAsync();
        await Ui.StepsAsync(agency, "agency-starts-and-asks-for-a-supplement", async () =>
        {
            await Ui.SignInAsync(agency, "review-demo", "/agency/reviews");
            var review = Review(agency, phase);
            await review.GetByTestId("start").ClickAsync();
            await Expect(agency.GetByTestId("done")).ToContainTextAsync("已开始审查");
            await Expect(review.GetByTestId("review-status")).ToHaveTextAsync("审查中");
            await review.GetByTestId("work").ClickAsync();
            await review.Locator("textarea[id^=reason-]").FillAsync("结构计算书缺第12页");
            await review.GetByTestId("request-supplement").ClickAsync();
            await Expect(agency.GetByTestId("done")).ToContainTextAsync("计时暂停");
            await Expect(review.GetByTestId("review-status")).ToHaveTextAsync("补充材料");
        });

        await Ui.StepsAsync(applicant, "applicant-answers-the-supplement", async () =>
        {
            await Ui.GotoAsync(applicant, "/my/reviews");
            var review = Review(applicant, phase);
            await Expect(review.GetByTestId("review-supplement")).ToContainTextAsync("结构计算书缺第12页");
            await review.Locator("textarea[id^=answer-]").FillAsync("已补充结构计算书第12页");
            await review.GetByTestId("answer-supplement").ClickAsync();
            await Expect(applicant.GetByTestId("done")).ToContainTextAsync("审查继续计时");
        });

        await Ui.StepsAsync(agency, "agency-concludes-with-a-sealed-pdf", async () =>
        {
            await Ui.GotoAsync(agency, "/agency/reviews");
            var review = Review(agency, phase);
            await review.GetByTestId("work").ClickAsync();
            await review.Locator("textarea[id^=opinions-]").FillAsync("结构：符合强制性条文\n消防：疏散宽度满足要求");
            await Ui.ChooseFileAsync(review.Locator("input[type=file]"), new FilePayload
            {
                Name = Certificate + ".pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes($"%PDF-1.7\n% {projectName}\n%%EOF\n"),
            });
            await Expect(review.GetByTestId("result-file")).ToContainTextAsync(Certificate + ".pdf");
            await review.GetByTestId("conclude").ClickAsync();
            await Expect(agency.GetByTestId("done")).ToContainTextAsync("已办结：合格", new() { Timeout = 30_000 });
            await Expect(review.GetByTestId("review-conclusion")).ToContainTextAsync("合格");
            await Ui.ScreenshotAsync(agency, "agency-review-concluded");
        });

        var id = Guid.Empty;
        await Ui.StepsAsync(applicant, "applicant-applies-with-the-review-result", async () =>
        {
            await Ui.GotoAsync(applicant, "/my/reviews");
            await Expect(Review(applicant, phase).GetByTestId("download-result")).ToBeVisibleAsync();
            // The certificate reaches 我的材料 through an event: the application offers it once Intake has it.
            var picked = applicant.GetByTestId("material-picker").Locator($"[data-material='{Certificate}'] select option", new() { HasText = "送达材料：" + Certificate });
            var deadline = DateTime.UtcNow.AddSeconds(60);
            do
            {
                await Ui.GotoAsync(applicant, "/apply");
                await Applicant.FillProjectAsync(applicant, projectName, phase);
                await Expect(applicant.GetByTestId("material-picker")).ToHaveAttributeAsync("data-ready", "true");
            }
            while (await picked.CountAsync() == 0 && DateTime.UtcNow < deadline);
            var value = await picked.First.GetAttributeAsync("value");
            await applicant.GetByTestId("material-picker").Locator($"[data-material='{Certificate}'] select").SelectOptionAsync(value!);
            await applicant.GetByLabel("建设规模").FillAsync("5万平方米");
            await applicant.GetByLabel("合同价格（万元）").FillAsync("12000");
            id = await Applicant.SubmitFilledAsync(applicant);
        });

        var window = await portal.NewPageAsync();
        await Ui.StepsAsync(window, "window-accepts-the-permit", () => Staff.AcceptAsync(window, id));

        var department = await portal.NewPageAsync();
        await Ui.StepsAsync(department, "zjj-sees-the-review-and-approves", async () =>
        {
            await Staff.OpenAndStartAsync(department, Ui.DemoDepartment, projectName);
            var reviews = department.GetByTestId("item-reviews");
            await Expect(reviews.GetByTestId("review-conclusion")).ToContainTextAsync("合格");
            await Expect(reviews.GetByTestId("item-review-result")).ToContainTextAsync("可作出通过决定");
            await Ui.ScreenshotAsync(department, "department-item-with-review");
            await Staff.ConcludeApprovedAsync(department, "施工图审查合格，准予施工许可。");
        });

        await Ui.StepsAsync(applicant, "applicant-follows-every-step-with-its-time", async () =>
        {
            await Ui.GotoAsync(applicant, $"/applications/{id}");
            var review = applicant.GetByTestId("application-review");
            await Expect(review.GetByTestId("review-status")).ToHaveTextAsync("已办结");
            await Expect(review).ToContainTextAsync("委托 ");
            await Expect(review).ToContainTextAsync("开始 ");
            await Expect(review).ToContainTextAsync("办结 ");
            await Expect(review.GetByTestId("review-supplement")).ToContainTextAsync("已补充");
            await Expect(review).ToContainTextAsync("截止 ");
            await Expect(applicant.GetByTestId("timeline")).ToContainTextAsync("11办结（通过）", new() { Timeout = 30_000 });
            await Ui.ScreenshotAsync(applicant, "progress-with-review");
        });
    }

    private static ILocator Review(IPage page, ProjectPhase phase) =>
        page.GetByTestId("review").Filter(new() { HasText = phase.EngineeringCode });
}
