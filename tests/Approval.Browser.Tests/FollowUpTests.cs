using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// After the decision: a 告知承诺 approval verified (unfulfilled → a follow-up task) and revoked, which the applicant
/// reads; and a 容缺 approval whose owed material the applicant hands in, which the department then sees.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class FollowUpTests(PortalFixture portal)
{
    private const string CommitmentItem = "320193-RF-SG-001"; // 结合民用建筑修建防空地下室审批, 告知承诺制, dept RFB
    private const string CommitmentDepartment = "dept-RFB";

    [Fact]
    public async Task A_commitment_approval_is_verified_unfulfilled_then_revoked_and_the_applicant_sees_it_revoked()
    {
        var projectName = Ui.NewProjectName();
        var applicant = await portal.NewPageAsync();
        var id = Guid.Empty;
        await Ui.StepsAsync(applicant, "applicant-applies-for-commitment-item", async () =>
        {
            await Ui.SignInAsync(applicant, Ui.DemoApplicant, "/apply");
            id = await Applicant.SubmitItemAsync(applicant, await portal.PhaseAsync(projectName), CommitmentItem, ("总建筑面积（平方米）", "20000"), ("防空地下室面积（平方米）", "3000"));
        });
        var window = await portal.NewPageAsync();
        await Ui.StepsAsync(window, "window-accepts-commitment-item", () => Staff.AcceptAsync(window, id));

        var department = await portal.NewPageAsync();
        await Ui.StepsAsync(department, "department-concludes-on-commitment", async () =>
        {
            await Staff.OpenAndStartAsync(department, CommitmentDepartment, projectName);
            await department.GetByLabel("告知承诺通过").CheckAsync();
            await department.GetByLabel("审批意见").FillAsync("申请人已书面承诺，按告知承诺制办结。");
            await department.GetByLabel("申请人承诺内容").FillAsync("开工前补齐防空地下室施工图审查合格书");
            await department.GetByLabel("承诺履行期限").FillAsync(Staff.DaysFromToday(30));
            await department.Locator("#conclude").ClickAsync();
            await Expect(department.GetByTestId("done")).ToHaveTextAsync("已办结（告知承诺通过）。");
            await Expect(department.GetByTestId("item")).ToContainTextAsync("11办结（通过）");
            await Expect(department.GetByTestId("commitment")).ToContainTextAsync("待核查");
        });

        await Ui.StepsAsync(department, "department-verifies-commitment", async () =>
        {
            var verification = department.GetByTestId("commitment-verification");
            await department.Locator("#verify-commitment").ClickAsync();
            await Expect(verification).ToContainTextAsync("必须说明承诺是否履行");
            await department.GetByLabel("未履行（与承诺不符）").CheckAsync();
            await department.Locator("#verify-commitment").ClickAsync();
            await Expect(verification).ToContainTextAsync("未履行承诺须说明情况");
            await department.GetByLabel("核查说明").FillAsync("现场核查：施工图审查合格书未取得");
            await department.Locator("#verify-commitment").ClickAsync();
            await Expect(department.GetByTestId("verification-result")).ToContainTextAsync("核查结果：未履行 · 核查说明：现场核查：施工图审查合格书未取得");
            await Expect(department.Locator("#verify-commitment")).ToHaveCountAsync(0);
            await Expect(department.GetByTestId("item")).ToContainTextAsync("告知承诺核查：未履行");
            await Ui.ScreenshotAsync(department, "department-commitment-verified");

            await Ui.GotoAsync(department, "/department/follow-ups");
            await Expect(department.GetByTestId("follow-ups").Locator("tr", new() { HasText = projectName })).ToContainTextAsync("承诺未履行");
        });

        await Ui.StepsAsync(department, "department-revokes", async () =>
        {
            await department.GetByTestId("follow-ups").Locator("tr", new() { HasText = projectName }).GetByRole(AriaRole.Link, new() { Name = "办理" }).ClickAsync();
            await department.Locator("#revoke").ClickAsync();
            await Expect(department.GetByText("请填写撤销理由。")).ToBeVisibleAsync();
            await Expect(department.GetByTestId("revoke-confirm")).ToHaveCountAsync(0);
            await department.GetByLabel("撤销理由").FillAsync("承诺未履行，依法撤销审批决定");
            await department.Locator("#revoke").ClickAsync();
            await Expect(department.GetByRole(AriaRole.Alertdialog)).ToContainTextAsync("确认撤销该审批？");
            await Ui.ScreenshotAsync(department, "department-revoke-confirm");
            await department.GetByRole(AriaRole.Button, new() { Name = "确认撤销" }).ClickAsync();
            await Expect(department.GetByTestId("item")).ToContainTextAsync("15撤销");
            await Expect(department.GetByTestId("revocation-reason")).ToHaveTextAsync("撤销理由：承诺未履行，依法撤销审批决定");
            await Expect(department.GetByTestId("revocation")).ToHaveCountAsync(0);

            await Ui.GotoAsync(department, "/department/follow-ups");
            await Expect(department.GetByText("暂无后续监管任务").Or(department.GetByTestId("follow-ups"))).ToBeVisibleAsync();
            await Expect(department.GetByText(projectName)).ToHaveCountAsync(0);
        });

        await Ui.StepsAsync(applicant, "applicant-sees-revocation", async () =>
        {
            await Ui.GotoAsync(applicant, $"/applications/{id}");
            var revoked = applicant.GetByTestId("timeline").GetByText("意见：承诺未履行，依法撤销审批决定");
            await Ui.ClickUntilVisibleAsync(applicant.Locator("#refresh-progress"), revoked);
            await Expect(applicant.GetByTestId("items")).ToContainTextAsync("15撤销");
            await Ui.ScreenshotAsync(applicant, "applicant-sees-revocation");
        });
    }

    [Fact]
    public async Task The_applicant_hands_in_a_material_owed_after_a_deferred_approval_and_the_department_sees_it()
    {
        var projectName = Ui.NewProjectName();
        var (applicant, id) = await Applicant.DemoSubmitsAsync(portal, projectName, "applicant-applies-for-deferred", reviewed: true);
        var window = await portal.NewPageAsync();
        await Ui.StepsAsync(window, "window-accepts-for-deferred", () => Staff.AcceptAsync(window, id));

        var department = await portal.NewPageAsync();
        await Ui.StepsAsync(department, "department-concludes-deferred", async () =>
        {
            await Staff.OpenAndStartAsync(department, Ui.DemoDepartment, projectName);
            await department.GetByLabel("容缺通过").CheckAsync();
            await department.GetByLabel("审批意见").FillAsync("主要材料齐全，施工合同容缺后补。");
            await department.GetByLabel("容缺后补材料（每行一项）").FillAsync("施工合同");
            await department.GetByLabel("补齐期限").FillAsync(Staff.DaysFromToday(10));
            await department.Locator("#conclude").ClickAsync();
            await Expect(department.GetByTestId("done")).ToHaveTextAsync("已办结（容缺通过）。");
            await Expect(department.GetByTestId("item")).ToContainTextAsync("12办结（容缺通过）");
            await Expect(department.GetByTestId("materials-handed-in")).ToHaveTextAsync("已补交：（尚未补交）");
        });

        await Ui.StepsAsync(applicant, "applicant-hands-in", async () =>
        {
            await Ui.GotoAsync(applicant, $"/applications/{id}");
            var owed = applicant.GetByTestId("materials-owed");
            await Ui.ClickUntilVisibleAsync(applicant.Locator("#refresh-progress"), owed);
            await Expect(owed).ToContainTextAsync($"须于 {Staff.DaysFromToday(10)} 前补交");
            var contract = owed.Locator("li", new() { HasText = "施工合同" });
            await Expect(contract).ToContainTextAsync("待补交");
            await applicant.GetByTestId("hand-in").ClickAsync();
            await Expect(owed).ToContainTextAsync("至少列明一项补交材料");
            await owed.GetByLabel("施工合同").CheckAsync();
            await Ui.ScreenshotAsync(applicant, "applicant-hand-in");
            await applicant.GetByTestId("hand-in").ClickAsync();
            await Expect(applicant.GetByTestId("materials-complete")).ToContainTextAsync("容缺材料已全部补齐");
            await Expect(contract).ToContainTextAsync("已补交");
            await Expect(contract.Locator("input")).ToHaveCountAsync(0);
            await Expect(applicant.GetByTestId("hand-in")).ToHaveCountAsync(0);
            await Ui.ScreenshotAsync(applicant, "applicant-handed-in");
        });

        await Ui.StepsAsync(department, "department-sees-hand-in", async () =>
        {
            await department.ReloadAsync();
            await Ui.InteractiveAsync(department);
            await Expect(department.GetByTestId("materials-handed-in")).ToContainTextAsync("已补交：施工合同 · 容缺材料已全部补齐");
            await Expect(department.GetByTestId("item")).ToContainTextAsync("补交容缺材料：施工合同；容缺材料已全部补齐");
            await Ui.ScreenshotAsync(department, "department-sees-hand-in");
        });
    }
}
