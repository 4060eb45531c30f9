using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// 在线咨询: the applicant asks about the building permit on its guide page; ZJJ answers on its 在线咨询答复 page and
/// publishes the answer to the FAQ; an anonymous visitor then reads it under 常见问题, and the applicant reads the answer
/// under 我的咨询.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CatalogQuestionTests(PortalFixture portal)
{
    private const string GuidePage = $"/catalog/items/{Applicant.BuildingPermit}";

    [Fact]
    public async Task The_applicant_asks_the_department_answers_and_publishes_and_the_public_guide_shows_it()
    {
        var question = $"钢结构厂房是否需要先办理消防设计审查？（{Random.Shared.Next(100_000, 999_999)}）";
        const string Answer = "需要，消防设计审查合格后方可核发施工许可证。";

        var applicant = await portal.NewPageAsync();
        await Ui.StepsAsync(applicant, "applicant-asks-about-an-item", async () =>
        {
            await Ui.SignInAsync(applicant, Ui.DemoApplicant, GuidePage);
            var panel = applicant.GetByTestId("item-questions");
            await applicant.Locator("#ask-question").ClickAsync();
            await Expect(applicant.Locator("#question-text-error")).ToContainTextAsync("问题内容必填");
            await panel.GetByLabel("咨询内容").FillAsync(question);
            await applicant.Locator("#ask-question").ClickAsync();
            await Expect(applicant.GetByTestId("question-done")).ToContainTextAsync("咨询已提交");
            var mine = applicant.GetByTestId("my-question").Filter(new() { HasText = question });
            await Expect(mine).ToContainTextAsync("待答复");
        });

        var department = await portal.NewPageAsync();
        await Ui.StepsAsync(department, "department-answers-and-publishes", async () =>
        {
            await Ui.SignInAsync(department, Ui.DemoDepartment, "/department/questions");
            var card = department.GetByTestId("question").Filter(new() { HasText = question });
            await Expect(card).ToContainTextAsync("待答复");
            await card.GetByLabel("答复内容").FillAsync(Answer);
            await card.GetByRole(AriaRole.Button, new() { Name = "答复" }).ClickAsync();
            await Expect(department.GetByTestId("done")).ToHaveTextAsync("已答复。");
            await Expect(card).ToContainTextAsync("答：" + Answer);
            await card.GetByRole(AriaRole.Button, new() { Name = "发布到常见问题" }).ClickAsync();
            await Expect(department.GetByTestId("done")).ToHaveTextAsync("已发布到常见问题。");
            await Expect(card).ToContainTextAsync("已答复，已发布到常见问题");
            await Expect(card.GetByRole(AriaRole.Button, new() { Name = "发布到常见问题" })).ToHaveCountAsync(0);
        });

        var visitor = await portal.NewPageAsync();
        await Ui.StepsAsync(visitor, "public-reads-faq", async () =>
        {
            await Ui.GotoAsync(visitor, GuidePage);
            var faq = visitor.GetByTestId("faq");
            await Expect(faq).ToContainTextAsync("问：" + question);
            await Expect(faq).ToContainTextAsync("答：" + Answer);
            await Expect(visitor.GetByTestId("item-questions")).ToContainTextAsync("登录");
        });

        await Ui.StepsAsync(applicant, "applicant-reads-answer", async () =>
        {
            await Ui.GotoAsync(applicant, GuidePage);
            var mine = applicant.GetByTestId("my-question").Filter(new() { HasText = question });
            await Expect(mine).ToContainTextAsync(Answer);
            await Expect(mine).ToContainTextAsync("已收入常见问题");
        });
    }
}
