using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>办理指引 per flow, without login: from the catalog to the flow's guide — its stages in order with their
/// limits, each item with its materials and fees, and 常见问题.</summary>
[Collection(PortalCollection.Name)]
public sealed class FlowGuideTests(PortalFixture portal)
{
    [Fact]
    public async Task A_visitor_reads_how_to_apply_for_a_flow_stage_by_stage()
    {
        var visitor = await portal.NewPageAsync();
        await Ui.StepsAsync(visitor, "visitor-reads-flow-guide", async () =>
        {
            await Ui.GotoAsync(visitor, "/catalog");
            await visitor.GetByTestId("flow-guide-link").First.ClickAsync();
            await Ui.InteractiveAsync(visitor);
            await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("办理指引：");
            var stages = visitor.GetByTestId("guide-stage");
            await Expect(stages.First).ToContainTextAsync("阶段时限");
            var headings = await stages.Locator("h2").AllInnerTextsAsync();
            var numbers = headings.Select(h => int.Parse(h[1..h.IndexOf('阶')])).ToList();
            Assert.Equal(numbers.Order(), numbers);
            var permit = visitor.GetByTestId("guide-item").Filter(new() { HasText = Applicant.BuildingPermit });
            await Expect(permit).ToContainTextAsync("承诺时限");
            await Expect(permit.GetByTestId("materials").Locator("tbody tr").First).ToBeVisibleAsync();
            await Expect(permit.GetByTestId("fees")).ToBeVisibleAsync();
            await Expect(visitor.GetByTestId("guide-faq")).ToContainTextAsync("常见问题");
        });
    }
}
