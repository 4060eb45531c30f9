using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>
/// The portal without a mouse and on a phone: the applicant signs in, opens 在线申报 from the menu and submits the
/// building-permit case with the keyboard alone (Tab to each control, type, arrow keys in selects, Space on the
/// checkbox, Enter on the buttons); at 375 px the menu opens with its 菜单 button and no page is wider than the screen.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class KeyboardAndMobileTests(PortalFixture portal)
{
    [Fact]
    public async Task The_applicant_submits_a_case_with_the_keyboard_alone()
    {
        var projectName = Ui.NewProjectName();
        var phase = await portal.PhaseAsync(projectName);
        var page = await portal.NewPageAsync();
        await Ui.StepsAsync(page, "keyboard-submission", async () =>
        {
            await page.GotoAsync("/account/login");
            await Keys.TypeIntoAsync(page, page.GetByLabel("用户名"), Ui.DemoApplicant);
            await Keys.TypeIntoAsync(page, page.GetByLabel("密码"), Approval.EndToEnd.Tests.Accounts.DemoPassword);
            await Keys.PressOnAsync(page, page.Locator("#login-submit"), "Enter");
            await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Ui.InteractiveAsync(page);

            await Keys.PressOnAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "在线申报" }), "Enter");
            await page.WaitForURLAsync("**/apply");
            await Ui.InteractiveAsync(page);
            await Keys.ChooseAsync(page, page.Locator("#engineeringCode"), phase.EngineeringCode);
            await Expect(page.GetByTestId("engineering-project")).ToContainTextAsync(phase.ProjectCode);
            // Each stage passed on the way is loaded (its limit and items shown) before the next key: the page's answer to
            // an earlier key, arriving after later ones, moved the list back and the test past its option (CI, stop 37).
            await Keys.ChooseAsync(page, page.GetByLabel("审批阶段"), "3",
                stage => Expect(page.Locator($"[data-testid=stage-limit][data-stage='{stage}']")).ToBeAttachedAsync());
            await Keys.PressOnAsync(page, page.Locator($"#item-{Applicant.BuildingPermit}"), " ");
            await Expect(page.Locator($"#item-{Applicant.BuildingPermit}")).ToBeCheckedAsync();
            await Keys.TypeIntoAsync(page, page.GetByLabel("建设规模"), "5万平方米");
            await Keys.TypeIntoAsync(page, page.GetByLabel("合同价格（万元）"), "12000");
            await Keys.PressOnAsync(page, page.Locator("#submit-application"), "Enter");
            await page.WaitForURLAsync("**/applications/*", new() { Timeout = 30_000 });
            await Expect(page.GetByTestId("application")).ToContainTextAsync("已接件");
        });
    }

    [Fact]
    public async Task At_375_pixels_the_menu_opens_with_its_button_and_pages_fit_the_screen()
    {
        var page = await portal.NewPageAsync(new ViewportSize { Width = 375, Height = 740 });
        await Ui.StepsAsync(page, "mobile-menu", async () =>
        {
            await Ui.SignInAsync(page, Ui.DemoApplicant, "/my/applications");
            var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" });
            var toggle = page.GetByRole(AriaRole.Button, new() { Name = "菜单" });
            await Expect(menu).ToBeHiddenAsync();
            await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
            await FitsAsync(page);

            await toggle.ClickAsync();
            await Expect(menu).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "关闭菜单" })).ToHaveAttributeAsync("aria-expanded", "true");
            await menu.GetByRole(AriaRole.Link, new() { Name = "办事指南" }).ClickAsync();
            await page.WaitForURLAsync("**/catalog");
            await Expect(menu).ToBeHiddenAsync(); // a navigation closes it
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await FitsAsync(page);
        });
    }

    /// <summary>The page does not scroll sideways: anything wide (a table) scrolls inside its own box.</summary>
    private static async Task FitsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1] + 1, $"{page.Url} is {widths[0]} px wide on a {widths[1]} px screen");
    }
}

/// <summary>Keyboard-only steps: a control is reached by pressing Tab (proving it is in the tab order), then used with keys.</summary>
public static class Keys
{
    /// <summary>Presses Tab until the control has the focus (at most 150 times).</summary>
    public static async Task TabToAsync(IPage page, ILocator control)
    {
        await Expect(control).ToBeVisibleAsync();
        for (var i = 0; i < 150; i++)
        {
            if (await control.EvaluateAsync<bool>("e => e === document.activeElement")) return;
            await page.Keyboard.PressAsync("Tab");
        }
        throw new Xunit.Sdk.XunitException($"{control} was not reached with Tab on {page.Url}");
    }

    public static async Task TypeIntoAsync(IPage page, ILocator field, string text)
    {
        await TabToAsync(page, field);
        await page.Keyboard.TypeAsync(text);
    }

    public static async Task PressOnAsync(IPage page, ILocator control, string key)
    {
        await TabToAsync(page, control);
        await page.Keyboard.PressAsync(key);
    }

    /// <summary>
    /// In a focused (closed) select, ArrowDown / ArrowUp move to the next / previous option and fire change: one press at a
    /// time, each seen to land on its option — and, with <paramref name="answered"/>, the page's answer to it seen (a page
    /// that loads something for each choice) — before the next, until the value is chosen.
    /// </summary>
    public static async Task ChooseAsync(IPage page, ILocator select, string value, Func<string, Task>? answered = null)
    {
        await TabToAsync(page, select);
        await Expect(select.Locator($"option[value='{value}']")).ToBeAttachedAsync();
        var values = await select.EvaluateAsync<string[]>("s => Array.from(s.options, o => o.value)");
        var target = Array.IndexOf(values, value);
        for (var current = Array.IndexOf(values, await select.InputValueAsync()); current != target;)
        {
            var down = current < target;
            current += down ? 1 : -1;
            await page.Keyboard.PressAsync(down ? "ArrowDown" : "ArrowUp");
            await Expect(select).ToHaveValueAsync(values[current]);
            if (answered is not null) await answered(values[current]);
        }
    }
}
