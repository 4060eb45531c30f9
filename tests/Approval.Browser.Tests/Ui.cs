using Approval.EndToEnd.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>What a person does in the portal, and the screenshots kept as test artefacts (TestResults/screenshots).</summary>
public static class Ui
{
    public const string DemoApplicant = "applicant-demo";
    public const string DemoWindow = "window-demo";
    public const string DemoDepartment = "dept-ZJJ";

    public static string ScreenshotFolder { get; } =
        Path.Combine(RepoPaths.Root(), "tests", "Approval.Browser.Tests", "TestResults", "screenshots");

    /// <summary>
    /// Chooses a file in a Blazor InputFile once the framework has wired it up: its first render's script sets
    /// <c>_blazorInputFileNextFileId</c> and listens for the change. A file chosen before that is never uploaded; under
    /// load the field can appear (a status just changed) well before it is wired.
    /// </summary>
    public static async Task ChooseFileAsync(ILocator input, FilePayload file)
    {
        var element = await input.ElementHandleAsync();
        await input.Page.WaitForFunctionAsync("el => el._blazorInputFileNextFileId !== undefined", element);
        await input.SetInputFilesAsync(file);
    }

    /// <summary>
    /// Signs in through the portal's login page (password, and the TOTP code for the demo staff), ending on returnUrl.
    /// A registered applicant gives their own password (no second factor); staff with a password of their own (the region
    /// admin) ask for the second factor.
    /// </summary>
    public static async Task SignInAsync(IPage page, string user, string returnUrl = "/", string? password = null, bool secondFactor = false)
    {
        await page.GotoAsync($"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(password ?? Accounts.DemoPassword);
        await page.Locator("#login-submit").ClickAsync();
        if (secondFactor || (password is null && user != DemoApplicant))
        {
            var totp = page.GetByLabel("动态口令（身份验证器的6位数字）");
            await Expect(totp).ToBeVisibleAsync();
            await totp.FillAsync(Totp.Code(Accounts.DemoTotpKey));
            await page.Locator("#login-submit").ClickAsync();
        }
        await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await InteractiveAsync(page);
    }

    /// <summary>Opens a portal page and waits until its SignalR circuit is connected (events reach the server).</summary>
    public static async Task GotoAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await InteractiveAsync(page);
    }

    public static Task InteractiveAsync(IPage page) =>
        Expect(page.GetByTestId("interactive")).ToBeAttachedAsync(new() { Timeout = 30_000 });

    /// <summary>Clicks (e.g. 刷新) until the expected element shows, for at most the given time.</summary>
    public static async Task ClickUntilVisibleAsync(ILocator button, ILocator expected, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            await button.ClickAsync();
            try
            {
                await Expect(expected).ToBeVisibleAsync(new() { Timeout = 2_000 });
                return;
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
                // not yet: the event is still travelling through the outbox and the bus
            }
        }
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>
    /// Runs a person's steps, then audits the pages they visited (<see cref="Accessibility"/>); on failure keeps a
    /// screenshot and the page's text, so the report says what they saw.
    /// </summary>
    public static async Task StepsAsync(IPage page, string name, Func<Task> steps)
    {
        try
        {
            await steps();
            await Accessibility.AuditAsync(page);
        }
        catch (Exception e)
        {
            await ScreenshotAsync(page, "FAILED-" + name);
            var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 2_000 }).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "");
            throw new Xunit.Sdk.XunitException($"{name} failed at {page.Url}: {e.Message}\n--- the page said:\n{text}");
        }
    }

    public static string NewProjectName() => $"浏览器测试项目{Random.Shared.Next(100_000, 999_999)}";
}
