using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// 有序审批 in the department's item page (issue 7): in the demo region the building permit (320193-ZJ-SG-001) decides
/// after the fire-design review (320193-ZJ-SG-002), both at ZJJ. Applied for together, the permit's page shows the
/// earlier item undecided and refuses 办结 with the API's 409 naming it; once the review concluded, the permit's page
/// shows its decision and opinion, and the permit concludes.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class OrderedApprovalTests(PortalFixture portal)
{
    private const string Permit = Applicant.BuildingPermit, PermitName = "建筑工程施工许可证核发";
    private const string FireDesign = "320193-ZJ-SG-002", FireDesignName = "建设工程消防设计审查";
    private const string FireDesignOpinion = "消防设计审查合格，同意。";

    [Fact]
    public async Task The_later_item_shows_the_earlier_item_and_may_decide_only_after_it_concluded()
    {
        var projectName = Ui.NewProjectName();
        var applicant = await portal.NewPageAsync();
        var id = Guid.Empty;
        var phase = await portal.PhaseAsync(projectName);
        await portal.PassedReviewAsync(phase); // the permit's 通过 also needs the construction-drawing review
        await Ui.StepsAsync(applicant, "applicant-applies-for-ordered-items", async () =>
        {
            await Ui.SignInAsync(applicant, Ui.DemoApplicant, "/apply");
            id = await Applicant.SubmitItemsAsync(applicant, phase, [FireDesign, Permit],
                ("建设规模", "5万平方米"), ("总建筑面积（平方米）", "50000"), ("建筑高度（米）", "48"));
        });
        var window = await portal.NewPageAsync();
        await Ui.StepsAsync(window, "window-accepts-ordered-items", () => Staff.AcceptAsync(window, id));

        var later = await portal.NewPageAsync();
        await Ui.StepsAsync(later, "later-item-is-refused-before-the-earlier", async () =>
        {
            await Staff.OpenAndStartAsync(later, Ui.DemoDepartment, projectName, PermitName);
            var earlier = later.GetByTestId("earlier");
            await Expect(earlier).ToContainTextAsync($"前置事项（有序审批）：{FireDesignName}（{FireDesign}，");
            await Expect(earlier).ToContainTextAsync("3已受理");
            await Expect(earlier).ToContainTextAsync("前置事项办结后方可作出本事项决定。");

            await later.GetByLabel("审批意见").FillAsync("准予施工许可。");
            await later.Locator("#conclude").ClickAsync();
            // The API's 409, bilingual like every error of the suite; the Chinese sentence names the earlier item.
            await Expect(later.GetByTestId("problem")).ToContainTextAsync(
                $"本事项须待前置事项{FireDesign}「{FireDesignName}」办结后方可作出决定，该事项当前为已受理。");
            await Expect(later.GetByTestId("done")).ToBeEmptyAsync();
            await Expect(Status(later)).ToContainTextAsync("8部门开始办理");
            await Expect(later.Locator("#conclude")).ToBeEnabledAsync();
            await Ui.ScreenshotAsync(later, "department-ordered-refused");
        });

        var first = await portal.NewPageAsync();
        await Ui.StepsAsync(first, "earlier-item-concludes", async () =>
        {
            await Ui.SignInAsync(first, Ui.DemoDepartment, "/department");
            await Staff.ApproveAsync(first, projectName, FireDesignOpinion, FireDesignName);
        });

        await Ui.StepsAsync(later, "later-item-sees-the-decision-and-concludes", async () =>
        {
            await Ui.GotoAsync(later, later.Url);
            await Expect(Status(later)).ToContainTextAsync("8部门开始办理"); // the refused 办结 recorded nothing
            var earlier = later.GetByTestId("earlier");
            await Expect(earlier).ToContainTextAsync("11办结（通过）");
            await Expect(earlier).ToContainTextAsync($"意见：{FireDesignOpinion}");
            await Expect(earlier).Not.ToContainTextAsync("前置事项办结后方可作出本事项决定。");
            await Ui.ScreenshotAsync(later, "department-ordered-earlier-decided");

            await Staff.ConcludeApprovedAsync(later, "消防设计审查已合格，准予施工许可。");
            await Expect(later.GetByTestId("problem")).ToHaveCountAsync(0);
            await Expect(Status(later)).ToContainTextAsync("11办结（通过）");
        });
    }

    /// <summary>The item's own status line (the earlier item's card inside the item shows a status too).</summary>
    // the item's own status line, not a required review's (ItemReviews shows one per review)
    private static ILocator Status(IPage page) => page.GetByTestId("item-status");
}
