using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>The demo applicant's steps in the portal.</summary>
public static class Applicant
{
    public const string ProjectCode = "2509-320193-89-01-544060";
    public const string BuildingPermit = "320193-ZJ-SG-001";

    /// <summary>Fills 在线申报 for stage 3 (施工许可) with the building permit item only and submits; returns the application id.</summary>
    public static async Task<Guid> SubmitAsync(IPage page, string projectName)
    {
        await Ui.GotoAsync(page, "/apply");
        await FillProjectAsync(page, projectName, ProjectCode);
        await page.GetByLabel("建设规模").FillAsync("5万平方米");
        await page.GetByLabel("合同价格（万元）").FillAsync("12000");
        return await SubmitFilledAsync(page);
    }

    /// <summary>
    /// Fills 在线申报 for stage 3 with one item (e.g. the 告知承诺 item 320193-RF-SG-001) and its form fields
    /// (label → value), and submits; returns the application id.
    /// </summary>
    public static async Task<Guid> SubmitItemAsync(IPage page, string projectName, string itemCode, params (string Label, string Value)[] form)
    {
        await Ui.GotoAsync(page, "/apply");
        await page.GetByLabel("项目代码").FillAsync(ProjectCode);
        await page.GetByLabel("项目名称").FillAsync(projectName);
        await page.GetByLabel("审批阶段").SelectOptionAsync("3");
        await page.Locator($"#item-{itemCode}").CheckAsync();
        foreach (var (label, value) in form) await page.GetByLabel(label, new() { Exact = true }).FillAsync(value);
        return await SubmitFilledAsync(page);
    }

    private static async Task<Guid> SubmitFilledAsync(IPage page)
    {
        await page.Locator("#submit-application").ClickAsync();
        await page.WaitForURLAsync("**/applications/*", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("application")).ToContainTextAsync("已接件");
        return Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last());
    }

    /// <summary>Project code and name, stage 3, and only the building permit item (its department: ZJJ); its form appears.</summary>
    public static async Task FillProjectAsync(IPage page, string projectName, string projectCode)
    {
        await page.GetByLabel("项目代码").FillAsync(projectCode);
        await page.GetByLabel("项目名称").FillAsync(projectName);
        await page.GetByLabel("审批阶段").SelectOptionAsync("3");
        var permit = page.Locator($"#item-{BuildingPermit}");
        await Expect(permit).Not.ToBeCheckedAsync();
        await permit.CheckAsync();
        await Expect(page.GetByLabel("建设规模")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("消纳场所")).ToHaveCountAsync(0);
    }
}
