using System.Text.Json;
using Npgsql;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// The data exchange through the gateway (issue 20): one applicant's whole story — project and engineering code, an
/// accepted case whose items run through 部门开始办理, 特别程序 and 办结, the certificates, the technical review, an
/// intermediary commission and a utility connection — reaches the front database (前置库) as valid rows, with every status
/// change; a project registered without its planned dates is rejected naming the columns and sent once the owner corrects
/// it. Only the region's administrator acts; a supervisor reads; an applicant and another region's admin see nothing.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ExchangeTests(SuiteFixture suite)
{
    private static readonly Actor Applicant = new("applicant-exchange", "applicant", Name: "数据交换测试建设公司");
    private readonly SuiteApi api = new(suite.Gateway);

    [Fact]
    public async Task A_case_story_reaches_the_front_database_as_valid_rows_with_every_status_change()
    {
        var phase = await api.PhaseAsync(Applicant);
        var id = await api.SubmitAsync(Applicant, "数据交换测试项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        var zjj = await api.ItemRoutedToAsync("ZJJ", id);
        var cgj = await api.ItemRoutedToAsync("CGJ", id);
        var zjjActor = Actor.Department("ZJJ");
        await api.ExpectAsync(HttpStatusCode.OK, zjjActor, HttpMethod.Post, $"/api/approvals/items/{zjj}/start", new { });
        await api.ExpectAsync(HttpStatusCode.OK, zjjActor, HttpMethod.Post, $"/api/approvals/items/{zjj}/special-procedures",
            new { type = 4, reason = "专家评审", plannedWorkingDays = 3 });
        await api.ExpectAsync(HttpStatusCode.OK, zjjActor, HttpMethod.Post, $"/api/approvals/items/{zjj}/special-procedures/end", new { result = "评审通过" });
        foreach (var (department, item) in new[] { ("ZJJ", zjj), ("CGJ", cgj) })
        {
            if (department != "ZJJ") await api.ExpectAsync(HttpStatusCode.OK, Actor.Department(department), HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
            await api.ReviewPassedAsync(Applicant, item, department);
            await api.ExpectAsync(HttpStatusCode.OK, Actor.Department(department), HttpMethod.Post, $"/api/approvals/items/{item}/conclude",
                new { approved = true, opinion = "符合条件，准予许可" });
        }
        await SuiteApi.PollAsync(() => api.ProgressAsync(Applicant, id), p => p.GetProperty("licences").GetArrayLength() == 2, "both certificates are issued");
        var water = await UtilityConnectedAsync(phase);
        var commission = await CommissionAcceptedAsync(phase);

        // Everything of the engineering code, sent: the project row, both item instances, the review, the
        // commission and the utility request (rows referencing the code), each passing the checks.
        var gcdm = phase.EngineeringCode;
        var story = await SentAsync(gcdm, rows => new[] { "SPGL_XMJBXXB", "SPGL_SGTSJWJSCXXB", "SPGL_ZJFWSXBLXXB", "SPGL_SZGYFWJRXXB" }
            .All(t => rows.Any(r => r.Table == t)) && rows.Count(r => r.Table == "SPGL_XMSPSXBLXXB") >= 2);
        Assert.Equal(phase.ProjectCode, story.Single(r => r.Table == "SPGL_XMJBXXB").Values.GetProperty("XMDM").GetString());
        // ZJJ's item: its instance, every status change as a detail (3 受理, 8 开始, 9/10 特别程序, 11 办结), the special procedure
        // and the certificate as its approval document; the utility's steps and the commission's steps.
        var zjjKey = zjj.ToString("N");
        var instance = await SentAsync(zjjKey, rows => rows.Count(r => r.Table == "SPGL_XMSPSXBLXXXXB") >= 5 && rows.Any(r => r.Table == "SPGL_XMSPSXPFWJXXB")
            && rows.Any(r => r.Table == "SPGL_XMSPSXBLTBCXXXB"));
        Assert.Equal([3, 8, 9, 10, 11], instance.Where(r => r.Table == "SPGL_XMSPSXBLXXXXB").Select(r => int.Parse(r.Values.GetProperty("BLZT").GetString()!)).Order());
        var document = instance.Single(r => r.Table == "SPGL_XMSPSXPFWJXXB");
        Assert.Equal("建筑工程施工许可证", document.Values.GetProperty("PFWJBT").GetString());
        await SentAsync(water.ToString("N"), rows => rows.Any(r => r.Table == "SPGL_SZGYFWJRGCXXB"));
        await SentAsync(commission.ToString("N"), rows => rows.Count(r => r.Table == "SPGL_ZJFWSXBLGCXXB") >= 2);

        // In the front database, valid: the item's details as Approvals reported the statuses.
        Assert.Equal("3,8,9,10,11", await FrontAsync(
            """SELECT string_agg("BLZT"::text, ',' ORDER BY "BLZT") FROM "SPGL_XMSPSXBLXXXXB" WHERE "SPSXSLBM" = $1 AND "SJYXBS" = 1 AND "XZQHDM" = '320193'""", zjjKey));
        Assert.Equal("1", await FrontAsync("""SELECT count(*)::text FROM "SPGL_XMJBXXB" WHERE "GCDM" = $1 AND "SJYXBS" = 1 AND "NKGSJ" < "NJCSJ" """, gcdm));

        // Who may see it: a supervisor reads; an applicant and another region's administrator do not; only the admin acts.
        await api.ExpectAsync(HttpStatusCode.OK, MatrixCase.Supervisor, HttpMethod.Get, "/api/exchange/report");
        await api.ExpectAsync(HttpStatusCode.Forbidden, MatrixCase.Supervisor, HttpMethod.Post, "/api/exchange/send");
        await api.ExpectAsync(HttpStatusCode.Forbidden, Applicant, HttpMethod.Get, "/api/exchange/report");
        var foreign = await api.ExpectAsync(HttpStatusCode.OK, AccessMatrixRows.OtherRegionAdmin, HttpMethod.Get, $"/api/exchange/rows?key={gcdm}");
        Assert.Equal(0, foreign.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await suite.Gateway.GetAsync("/api/exchange/report")).StatusCode);
        // The engineering code's rows (GET /api/exchange/engineering/{code}): the region's readers; nobody else learns it exists.
        var own = await api.ExpectAsync(HttpStatusCode.OK, MatrixCase.Supervisor, HttpMethod.Get, $"/api/exchange/engineering/{gcdm}");
        Assert.Contains(own.EnumerateArray(), r => r.GetProperty("table").GetString() == "SPGL_XMJBXXB" && r.GetProperty("state").GetString() == "sent");
        await api.ExpectAsync(HttpStatusCode.NotFound, AccessMatrixRows.OtherRegionAdmin, HttpMethod.Get, $"/api/exchange/engineering/{gcdm}");
        await api.ExpectAsync(HttpStatusCode.Forbidden, Applicant, HttpMethod.Get, $"/api/exchange/engineering/{gcdm}");
        await api.ExpectAsync(HttpStatusCode.NotFound, MatrixCase.RegionAdmin, HttpMethod.Get, "/api/exchange/engineering/no-such-code");
        Assert.Equal(HttpStatusCode.Unauthorized, (await suite.Gateway.GetAsync($"/api/exchange/engineering/{gcdm}")).StatusCode);
        var badState = await api.ExpectAsync(HttpStatusCode.BadRequest, MatrixCase.RegionAdmin, HttpMethod.Get, "/api/exchange/rows?state=lost");
        Assert.True(badState.GetProperty("errors").TryGetProperty("state", out _));
    }

    [Fact]
    public async Task A_project_without_planned_dates_is_rejected_naming_them_and_sent_once_the_owner_corrects_it()
    {
        var owner = IntakeApi.NewApplicant("交换更正建设公司");
        var code = ProjectPhases.NewProjectCode();
        var project = new
        {
            projectCode = code, name = "待更正项目", address = "示范区科创大道9号", divisionCode = "320193", longitude = 120.7m, latitude = 31.3m,
            totalInvestment = 800m, projectType = 3, constructionNature = 1,
        };
        await api.ExpectAsync(HttpStatusCode.Created, owner, HttpMethod.Post, "/api/projects", project);
        var gcdm = (await api.ExpectAsync(HttpStatusCode.Created, owner, HttpMethod.Post, $"/api/projects/{code}/engineering-codes", new { name = "一期" }))
            .GetProperty("engineeringCode").GetString()!;
        var rejected = await RowAsync(gcdm, "rejected");
        Assert.Contains("拟开工时间（NKGSJ）必填", rejected.Reason);
        Assert.Contains("拟建成时间（NJCSJ）必填", rejected.Reason);
        Assert.Equal("0", await FrontAsync("""SELECT count(*)::text FROM "SPGL_XMJBXXB" WHERE "GCDM" = $1""", gcdm));

        await api.ExpectAsync(HttpStatusCode.OK, owner, HttpMethod.Put, $"/api/projects/{code}", new
        {
            project.name, project.address, project.divisionCode, project.longitude, project.latitude, project.totalInvestment, project.projectType,
            project.constructionNature, plannedStart = new DateOnly(2027, 3, 1), plannedEnd = new DateOnly(2028, 12, 31),
        });
        await RowAsync(gcdm, "sent");
        Assert.Equal("2027-03-01|2028-12-31|1", await FrontAsync(
            """SELECT "NKGSJ"::text || '|' || "NJCSJ"::text || '|' || "SJYXBS"::text FROM "SPGL_XMJBXXB" WHERE "GCDM" = $1""", gcdm));
    }

    private sealed record Row(string Table, string LocalKey, string State, string? Reason, JsonElement Values);

    /// <summary>The region admin asks to send now until the rows under <paramref name="key"/> are all sent and satisfy <paramref name="complete"/>.</summary>
    private async Task<List<Row>> SentAsync(string key, Func<List<Row>, bool> complete) =>
        await SuiteApi.PollAsync(async () =>
        {
            await api.ExpectAsync(HttpStatusCode.Accepted, MatrixCase.RegionAdmin, HttpMethod.Post, "/api/exchange/send");
            return await RowsAsync(key);
        }, rows => complete(rows) && rows.All(r => r.State == "sent"), $"the rows of {key} are all sent", seconds: 90);

    private async Task<Row> RowAsync(string engineeringCode, string state) =>
        (await SuiteApi.PollAsync(async () =>
        {
            await api.ExpectAsync(HttpStatusCode.Accepted, MatrixCase.RegionAdmin, HttpMethod.Post, "/api/exchange/send");
            return await RowsAsync(engineeringCode);
        }, rows => rows.Any(r => r.Table == "SPGL_XMJBXXB" && r.State == state), $"the project row of {engineeringCode} is {state}", seconds: 90))
        .Single(r => r.Table == "SPGL_XMJBXXB");

    private async Task<List<Row>> RowsAsync(string key)
    {
        var page = await api.ExpectAsync(HttpStatusCode.OK, MatrixCase.RegionAdmin, HttpMethod.Get, $"/api/exchange/rows?key={Uri.EscapeDataString(key)}");
        return page.GetProperty("rows").EnumerateArray().Select(r => new Row(r.GetProperty("table").GetString()!, r.GetProperty("localKey").GetString()!,
            r.GetProperty("state").GetString()!, r.GetProperty("reason").GetString(), r.GetProperty("values"))).ToList();
    }

    private async Task<Guid> UtilityConnectedAsync(ProjectPhase phase)
    {
        var application = await api.ExpectAsync(HttpStatusCode.Created, Applicant, HttpMethod.Post, "/api/utilities/applications", new
        {
            engineeringCode = phase.EngineeringCode, address = "示范区科创大道8号",
            requests = new object[] { new { utilityCode = "GSGS", serviceType = "water", requestType = "新装", demand = "DN100" } },
        });
        var water = application.GetProperty("requests")[0].GetProperty("id").GetGuid();
        await api.ExpectAsync(HttpStatusCode.OK, UtilitiesTests.Water, HttpMethod.Post, $"/api/utilities/requests/{water}/survey",
            new { connectionPlan = "DN100接入科创大道市政给水管", fee = 0, result = "已现场勘查" });
        await api.ExpectAsync(HttpStatusCode.OK, UtilitiesTests.Water, HttpMethod.Post, $"/api/utilities/requests/{water}/connect", new { result = "已通水" });
        return water;
    }

    private async Task<Guid> CommissionAcceptedAsync(ProjectPhase phase)
    {
        var agencies = await MarketplaceAgencies.EnsureAsync(api);
        var selection = await MarketplaceAgencies.SelectAsync(api, Applicant, new
        {
            engineeringCode = phase.EngineeringCode, serviceType = MarketplaceAgencies.Feasibility, method = "direct", agencyId = agencies["ZJ01"],
        });
        var commission = selection.GetProperty("commissionId").GetGuid();
        await api.ExpectAsync(HttpStatusCode.OK, MarketplaceAgencies.Staff[0], HttpMethod.Post, $"/api/marketplace/commissions/{commission}/accept");
        return commission;
    }

    private static async Task<string?> FrontAsync(string sql, string parameter)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = "approval_front", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = parameter } } };
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
