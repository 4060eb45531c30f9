using System.Text;
using Approval.EndToEnd.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Browser.Tests;

/// <summary>The demo applicant's steps in the portal.</summary>
public static class Applicant
{
    public const string BuildingPermit = "320193-ZJ-SG-001";

    /// <summary>
    /// In a new browser context the demo applicant signs in and submits the building-permit case for the project, as one
    /// screenshot step; returns the page (on 办理进度) and the application id.
    /// </summary>
    public static async Task<(IPage Page, Guid Id)> DemoSubmitsAsync(PortalFixture portal, string projectName, string step, bool reviewed = false)
    {
        var phase = await portal.PhaseAsync(projectName);
        if (reviewed) await portal.PassedReviewAsync(phase); // the permit's 通过 needs the construction-drawing review
        var page = await portal.NewPageAsync();
        var id = Guid.Empty;
        await Ui.StepsAsync(page, step, async () =>
        {
            await Ui.SignInAsync(page, Ui.DemoApplicant, "/apply");
            id = await SubmitAsync(page, projectName, phase);
        });
        return (page, id);
    }

    /// <summary>
    /// Fills 在线申报 for stage 3 (施工许可) by the engineering code of the project phase (registered beforehand, named
    /// projectName) with the building permit item only and submits; returns the application id.
    /// </summary>
    public static async Task<Guid> SubmitAsync(IPage page, string projectName, ProjectPhase phase)
    {
        await Ui.GotoAsync(page, "/apply");
        await FillProjectAsync(page, projectName, phase);
        await page.GetByLabel("建设规模").FillAsync("5万平方米");
        await page.GetByLabel("合同价格（万元）").FillAsync("12000");
        return await SubmitFilledAsync(page);
    }

    /// <summary>
    /// Fills 在线申报 for stage 3 with one item (e.g. the 告知承诺 item 320193-RF-SG-001) and its form fields
    /// (label → value), and submits; returns the application id.
    /// </summary>
    public static Task<Guid> SubmitItemAsync(IPage page, ProjectPhase phase, string itemCode, params (string Label, string Value)[] form) =>
        SubmitItemsAsync(page, phase, [itemCode], form);

    /// <summary>
    /// Fills 在线申报 for stage 3 with several items (one merged stage form) and its fields (label → value), and submits;
    /// returns the application id. The fields are filled once the form shown is the merged form of every item (a field can
    /// show from the first item's form and be re-rendered when the merged one arrives).
    /// </summary>
    public static async Task<Guid> SubmitItemsAsync(IPage page, ProjectPhase phase, string[] itemCodes, params (string Label, string Value)[] form)
    {
        await Ui.GotoAsync(page, "/apply");
        await ChooseEngineeringCodeAsync(page, phase);
        await page.GetByLabel("审批阶段").SelectOptionAsync("3");
        foreach (var itemCode in itemCodes) await page.Locator($"#item-{itemCode}").CheckAsync();
        await Expect(page.GetByTestId("stage-form")).ToHaveAttributeAsync("data-form-items", string.Join(",", itemCodes));
        foreach (var (label, _) in form) await Expect(page.GetByLabel(label, new() { Exact = true })).ToBeVisibleAsync();
        foreach (var (label, value) in form) await page.GetByLabel(label, new() { Exact = true }).FillAsync(value);
        return await SubmitFilledAsync(page);
    }

    public static async Task<Guid> SubmitFilledAsync(IPage page)
    {
        await page.Locator("#submit-application").ClickAsync();
        // The URL is committed, then the page must show the application: waiting for the load event as well failed once
        // in a full run with the page already there (a loaded machine).
        await page.WaitForURLAsync("**/applications/*", new() { Timeout = 30_000, WaitUntil = WaitUntilState.Commit });
        await Expect(page.GetByTestId("application")).ToContainTextAsync("已接件", new() { Timeout = 30_000 });
        return Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last());
    }

    /// <summary>
    /// The project phase, stage 3, and only the building permit item (its department: ZJJ); its form appears. The applicant
    /// chooses the engineering code from 我的项目's (the project's code and name come with it); the window types the
    /// project code, the name and the applicant's engineering code.
    /// </summary>
    public static async Task FillProjectAsync(IPage page, string projectName, ProjectPhase phase)
    {
        // 在线申报 lists my engineering codes once it has read them; 窗口收件 asks the code in a text field
        if (!new Uri(page.Url).AbsolutePath.StartsWith("/window/", StringComparison.Ordinal)) await ChooseEngineeringCodeAsync(page, phase);
        else
        {
            await page.GetByLabel("项目代码").FillAsync(phase.ProjectCode);
            await page.GetByLabel("项目名称").FillAsync(projectName);
            await page.Locator("#engineeringCode").FillAsync(phase.EngineeringCode);
        }
        await page.GetByLabel("审批阶段").SelectOptionAsync("3");
        var permit = page.Locator($"#item-{BuildingPermit}");
        await Expect(permit).Not.ToBeCheckedAsync();
        await permit.CheckAsync();
        await Expect(page.GetByLabel("建设规模")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("消纳场所")).ToHaveCountAsync(0);
    }

    /// <summary>在线申报 by engineering code: the code chosen from the applicant's own, the project's name shown with it.</summary>
    public static async Task ChooseEngineeringCodeAsync(IPage page, ProjectPhase phase)
    {
        await page.Locator("#engineeringCode").SelectOptionAsync(phase.EngineeringCode);
        await Expect(page.GetByTestId("engineering-project")).ToContainTextAsync(phase.ProjectCode);
    }


    /// <summary>实名注册 of a new person on the open registration page; returns the user name to sign in with.</summary>
    public static async Task<string> RegisterPersonAsync(IPage page, string name, string password)
    {
        var userName = Accounts.NewUserName("browser");
        await page.GetByLabel("姓名").FillAsync(name);
        await page.GetByLabel("居民身份证号码").FillAsync(Accounts.NewResidentIdNumber());
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码（至少8位").FillAsync(password);
        await page.Locator("#register").ClickAsync();
        await Expect(page.GetByTestId("done")).ToContainTextAsync("注册成功：" + name);
        return userName;
    }

    /// <summary>Fills 登记项目 on 我的项目 (open) with a valid project of the region except for the code given, and submits.</summary>
    public static async Task FillProjectRegistrationAsync(IPage page, string projectCode, string projectName)
    {
        // by id: the applicant's registered projects are sections labelled "…（项目代码 …）" too
        await page.Locator("#p-code").FillAsync(projectCode);
        await page.GetByLabel("项目名称").FillAsync(projectName);
        await page.GetByLabel("建设地点").FillAsync("示范区星湖街100号");
        await page.GetByLabel("行政区划代码").FillAsync("320193");
        await page.GetByLabel("经度").FillAsync("120.72");
        await page.GetByLabel("纬度").FillAsync("31.32");
        await page.GetByLabel("总投资（万元）").FillAsync("35000");
        await page.GetByLabel("项目类型").SelectOptionAsync("3");
        await page.GetByLabel("建设性质").SelectOptionAsync("1");
        await page.GetByLabel("拟开工时间").FillAsync("2027-03-01");
        await page.GetByLabel("拟建成时间").FillAsync("2029-06-30");
        await page.Locator("#register-project").ClickAsync();
    }

    /// <summary>登记项目 on 我的项目 (open); returns the project's card in the list.</summary>
    public static async Task<ILocator> RegisterProjectAsync(IPage page, string projectCode, string projectName)
    {
        await FillProjectRegistrationAsync(page, projectCode, projectName);
        await Expect(page.GetByTestId("done")).ToContainTextAsync($"已登记项目：{projectName}（{projectCode}）");
        var project = page.Locator($"[data-testid=project][data-project-code='{projectCode}']");
        await Expect(project).ToContainTextAsync("备案类 · 新建 · 总投资35000万元");
        return project;
    }

    /// <summary>生成工程代码 for one project card on 我的项目; returns the new code as listed.</summary>
    public static async Task<string> IssueEngineeringCodeAsync(ILocator project, string name)
    {
        var before = await project.GetByTestId("engineering-codes").Locator("tbody tr").CountAsync();
        await project.GetByLabel("工程（分期/分批）名称").FillAsync(name);
        await project.GetByTestId("issue-engineering-code").ClickAsync();
        var rows = project.GetByTestId("engineering-codes").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(before + 1);
        var row = rows.Last;
        await Expect(row).ToContainTextAsync(name);
        return (await row.Locator("td").First.InnerTextAsync()).Trim();
    }

    /// <summary>Uploads a small PDF for one entry of a material picker (testid "material-picker") once its lists are read.</summary>
    public static async Task UploadPdfAsync(ILocator picker, string material, string fileName)
    {
        await Expect(picker).ToHaveAttributeAsync("data-ready", "true");
        var entry = picker.Locator($"[data-material='{material}']");
        await Ui.ChooseFileAsync(entry.Locator("input[type=file]"), new FilePayload
        {
            Name = fileName, MimeType = "application/pdf",
            Buffer = Encoding.UTF8.GetBytes($"%PDF-1.7\n% {material} {Guid.NewGuid()}\n%%EOF\n"),
        });
        await Expect(entry.GetByTestId("uploaded")).ToContainTextAsync(fileName, new() { Timeout = 15_000 });
    }

    /// <summary>
    /// On the application's progress page: waits for the certificate, checks the download is a PDF named by its
    /// identifier, and returns the identifier.
    /// </summary>
    public static async Task<string> DownloadCertificateAsync(IPage page, Guid applicationId)
    {
        await Ui.GotoAsync(page, $"/applications/{applicationId}");
        var licences = page.GetByTestId("licences");
        await Ui.ClickUntilVisibleAsync(page.Locator("#refresh-progress"), licences);
        var identifier = (await licences.Locator("tbody tr td").Nth(1).InnerTextAsync()).Trim();
        var download = await page.RunAndWaitForDownloadAsync(() => licences.GetByRole(AriaRole.Link, new() { Name = "下载证照" }).First.ClickAsync());
        var path = Path.Combine(Ui.ScreenshotFolder, "..", $"{identifier}.pdf");
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal($"{identifier}.pdf", download.SuggestedFilename);
        return identifier;
    }
}
