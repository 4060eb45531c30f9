using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// Issue 6 "Done when": the demo region's construction-permit stage (施工许可, stage 3) with four parallel items — the
/// permit ordered after the fire-design review, the construction-waste item with a special procedure, the civil air
/// defence item on a notification-commitment — run through the gateway with real tokens (people and a department
/// system), and the applicant's view shows each item's clock across the 2026 Mid-Autumn holiday: accepted on
/// Thursday 24 September (Intake's clock), processed on Wednesday 30 September (Approvals' clock; SuiteFixture).
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ConstructionPermitStageTests(SuiteFixture suite)
{
    private const string Permit = "320193-ZJ-SG-001", Waste = "320193-CG-SG-001", AirDefence = "320193-RF-SG-001", FireDesign = "320193-ZJ-SG-002";
    private readonly SuiteApi api = new(suite.Gateway);

    [Fact]
    public async Task Four_parallel_items_ordered_paused_and_on_commitment_conclude_the_stage_and_show_their_clocks_across_the_holiday()
    {
        var application = await SubmitAllFourAsync("施工许可并联审批项目");
        var accepted = await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{application}/accept");
        // The region's local date (China Standard Time, UTC+8, no daylight saving) of the acceptance.
        var acceptedOn = DateOnly.FromDateTime(accepted.GetProperty("decidedAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).DateTime);
        Assert.Equal(new DateOnly(2026, 9, 24), acceptedOn);

        var view = await SuiteApi.PollAsync(() => ItemsOnceAvailableAsync(application),
            v => v.ValueKind == JsonValueKind.Object && v.GetProperty("items").GetArrayLength() == 4, "the four item instances reach the applicant's view");
        var items = view.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("itemCode").GetString()!);
        Assert.Single(items.Values.Select(i => i.GetProperty("parallelInstanceCode").GetString()).Distinct());
        Assert.All(items.Values, i => Assert.Equal(3, i.GetProperty("statusCode").GetInt32()));
        Assert.Equal(FireDesign, items[Permit].GetProperty("earlier").GetProperty("itemCode").GetString());
        Assert.True(items[Permit].GetProperty("milestone").GetBoolean());
        Assert.True(items[AirDefence].GetProperty("notificationCommitment").GetBoolean());
        Guid Id(string code) => items[code].GetProperty("id").GetGuid();
        var (zjj, cgj, rfb) = (Actor.Department("ZJJ"), Actor.Department("CGJ"), Actor.Department("RFB"));

        // Ordered items start together; the permit cannot decide before the fire-design review concluded (409 naming it).
        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/items/{Id(Permit)}/start", new { });
        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/items/{Id(FireDesign)}/start", new { });
        var blocked = await api.ExpectAsync(HttpStatusCode.Conflict, zjj, HttpMethod.Post, $"/api/approvals/items/{Id(Permit)}/conclude",
            new { approved = true, opinion = "准予许可" });
        Assert.Contains(FireDesign, blocked.GetProperty("detail").GetString());
        Assert.Contains("前置事项", blocked.GetProperty("detail").GetString());

        // The construction-waste item goes into a site survey: its clock pauses.
        await api.ExpectAsync(HttpStatusCode.OK, cgj, HttpMethod.Post, $"/api/approvals/items/{Id(Waste)}/start", new { });
        await api.ExpectAsync(HttpStatusCode.OK, cgj, HttpMethod.Post, $"/api/approvals/items/{Id(Waste)}/special-procedures",
            new { type = 3, reason = "消纳场所现场勘查", plannedWorkingDays = 3 });

        // The civil air defence item is approved on the applicant's commitment.
        var commitmentDue = new DateOnly(2026, 10, 30);
        await api.ExpectAsync(HttpStatusCode.OK, rfb, HttpMethod.Post, $"/api/approvals/items/{Id(AirDefence)}/start", new { });
        var onCommitment = await api.ExpectAsync(HttpStatusCode.OK, rfb, HttpMethod.Post, $"/api/approvals/items/{Id(AirDefence)}/conclude",
            new { approved = true, opinion = "依告知承诺准予", commitment = "开工前提交人防工程施工图审查合格书", commitmentDue });
        Assert.Equal((11, "开工前提交人防工程施工图审查合格书"), (onCommitment.GetProperty("statusCode").GetInt32(),
            onCommitment.GetProperty("commitment").GetProperty("text").GetString()));

        // The fire-design review is decided by ZJJ's own system, through the inbound API with Idempotency-Key.
        var system = new DepartmentSystem(suite.Gateway, "ZJJ");
        var conclude = $"/api/approvals/inbound/items/{Id(FireDesign)}/conclude";
        var decision = new { approved = true, opinion = "消防设计审查合格", certificateReference = "消审字〔2026〕第0924号" };
        var key = $"fire-{application}";
        var first = await system.CallAsync(conclude, decision, key);
        Assert.Equal((HttpStatusCode.OK, 11, false), (first.Status, first.Body.GetProperty("statusCode").GetInt32(), first.Replayed));
        var replay = await system.CallAsync(conclude, decision, key);
        Assert.Equal((HttpStatusCode.OK, true), (replay.Status, replay.Replayed));
        Assert.Equal(first.Body.GetRawText(), replay.Body.GetRawText());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await system.CallAsync(conclude, new { approved = false, opinion = "不合格" }, key)).Status);
        var steps = await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Get, $"/api/approvals/items/{Id(FireDesign)}/steps");
        Assert.Single(steps.EnumerateArray(), s => s.GetProperty("statusCode").GetInt32() == 11);

        // The permit now sees the earlier decision and its opinion, decides, and so concludes the stage (milestone rule 1).
        var permit = await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Get, $"/api/approvals/items/{Id(Permit)}");
        Assert.Equal((11, "消防设计审查合格"), (permit.GetProperty("earlier").GetProperty("statusCode").GetInt32(),
            permit.GetProperty("earlier").GetProperty("opinion").GetString()));
        await api.ReviewPassedAsync(Actor.Applicant, Id(Permit));
        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/items/{Id(Permit)}/conclude", new { approved = true, opinion = "准予施工许可" });

        view = await ItemsAsync(Actor.Applicant, application);
        Assert.Equal((2, "已办结", true), (view.GetProperty("stage").GetProperty("status").GetInt32(),
            view.GetProperty("stage").GetProperty("statusName").GetString(), view.GetProperty("stage").GetProperty("approved").GetBoolean()));
        items = view.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("itemCode").GetString()!);
        Assert.Equal("消审字〔2026〕第0924号", items[FireDesign].GetProperty("certificateReference").GetString());
        Assert.Equal("依告知承诺准予", items[AirDefence].GetProperty("opinion").GetString());

        // The clocks: accepted Thu 24 Sep; 25 Sep (中秋节) and the weekend are off, so by Wed 30 Sep three working days are used.
        // 5-day items end on Fri 9 Oct (国庆节 1–7 Oct is off); 10-day items on Thu 15 Oct (Sat 10 Oct is a make-up working day).
        foreach (var (code, limit, deadline) in new[] { (Permit, 5, "2026-10-09"), (AirDefence, 5, "2026-10-09"), (FireDesign, 10, "2026-10-15"), (Waste, 10, "2026-10-15") })
        {
            var clock = items[code].GetProperty("clock");
            Assert.True(clock.ValueKind == JsonValueKind.Object, $"{code}: {items[code].GetProperty("clockProblem")}");
            Assert.Equal((deadline, 3, limit - 3, 0), (clock.GetProperty("deadline").GetString(), clock.GetProperty("used").GetInt32(),
                clock.GetProperty("remaining").GetInt32(), clock.GetProperty("paused").GetInt32()));
        }
        Assert.True(items[Waste].GetProperty("clock").GetProperty("isPaused").GetBoolean());
        Assert.Equal("现场勘查", items[Waste].GetProperty("specialProcedures")[0].GetProperty("typeName").GetString());
        Assert.Equal("正常", items[Permit].GetProperty("clock").GetProperty("stateName").GetString()); // stopped at its conclusion, on time
        Assert.Equal("正常", items[Waste].GetProperty("clock").GetProperty("stateName").GetString());

        // The stage's clock (limit 15 from the catalog) stopped at its conclusion on Wed 30 Sep: 3 working days used, 正常;
        // the departments' stage view shows the same clock; the conclusion is one line of the applicant's timeline.
        // Its deadline, by regions/320193/calendar.json from Thu 24 Sep (not counted): 28, 29, 30 Sep (1–3); 1–7 Oct off;
        // 8, 9, Sat 10 (make-up), 12–16, 19, 20, 21, 22 Oct (4–15) → Thu 22 October 2026.
        var stageClock = view.GetProperty("stage").GetProperty("clock");
        Assert.Equal((new DateOnly(2026, 10, 22), 15, 3, 12, "正常"), (DateOnly.Parse(stageClock.GetProperty("deadline").GetString()!),
            stageClock.GetProperty("limit").GetInt32(), stageClock.GetProperty("used").GetInt32(),
            stageClock.GetProperty("remaining").GetInt32(), stageClock.GetProperty("stateName").GetString()));
        var stageView = await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Get, $"/api/approvals/stages/{view.GetProperty("stage").GetProperty("id").GetGuid()}");
        Assert.Equal(stageClock.GetRawText(), stageView.GetProperty("clock").GetRawText());
        var progress = await SuiteApi.PollAsync(() => api.ProgressAsync(Actor.Applicant, application),
            p => p.GetProperty("timeline").EnumerateArray().Any(e => e.GetProperty("statusName").GetString() == "阶段办结（通过）"),
            "the stage's conclusion reaches the applicant's timeline");
        Assert.Single(progress.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("statusName").GetString()!.StartsWith("阶段办结", StringComparison.Ordinal));

        // Nobody else reads the applicant's view.
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Get, $"/api/approvals/applications/{application}/items");
    }

    [Fact]
    public async Task An_unfulfilled_commitment_becomes_a_follow_up_task_until_the_department_revokes_the_approval()
    {
        var application = await SubmitAllFourAsync("告知承诺跟踪项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{application}/accept");
        var rfb = Actor.Department("RFB");
        var item = await api.ItemRoutedToAsync("RFB", application);
        await api.ExpectAsync(HttpStatusCode.OK, rfb, HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
        var missing = await api.ExpectAsync(HttpStatusCode.BadRequest, rfb, HttpMethod.Post, $"/api/approvals/items/{item}/conclude",
            new { approved = true, opinion = "依承诺准予" });
        Assert.Equal(["commitment", "commitmentDue"], missing.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        await api.ExpectAsync(HttpStatusCode.OK, rfb, HttpMethod.Post, $"/api/approvals/items/{item}/conclude",
            new { approved = true, opinion = "依承诺准予", commitment = "按人防标准同步建设防空地下室", commitmentDue = new DateOnly(2026, 12, 31) });

        var verified = await api.ExpectAsync(HttpStatusCode.OK, rfb, HttpMethod.Post, $"/api/approvals/items/{item}/commitment/verification",
            new { fulfilled = false, note = "现场核查：防空地下室未按承诺建设" });
        Assert.Equal((false, 1), (verified.GetProperty("commitment").GetProperty("fulfilled").GetBoolean(), verified.GetProperty("followUp").GetInt32()));
        var tasks = await api.ExpectAsync(HttpStatusCode.OK, rfb, HttpMethod.Get, "/api/approvals/follow-ups");
        Assert.Contains(tasks.EnumerateArray(), t => t.GetProperty("itemInstanceId").GetGuid() == item && t.GetProperty("reasonName").GetString() == "承诺未履行");
        var others = await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("ZJJ"), HttpMethod.Get, "/api/approvals/follow-ups");
        Assert.DoesNotContain(others.EnumerateArray(), t => t.GetProperty("itemInstanceId").GetGuid() == item);

        var revoked = await api.ExpectAsync(HttpStatusCode.OK, rfb, HttpMethod.Post, $"/api/approvals/items/{item}/revoke", new { reason = "承诺未履行，撤销审批决定" });
        Assert.Equal((15, "撤销"), (revoked.GetProperty("statusCode").GetInt32(), revoked.GetProperty("statusName").GetString()));
        tasks = await api.ExpectAsync(HttpStatusCode.OK, rfb, HttpMethod.Get, "/api/approvals/follow-ups");
        Assert.DoesNotContain(tasks.EnumerateArray(), t => t.GetProperty("itemInstanceId").GetGuid() == item);
        await SuiteApi.PollAsync(() => api.ProgressAsync(Actor.Applicant, application),
            p => p.GetProperty("timeline").EnumerateArray().Any(e => e.GetProperty("statusCode").GetInt32() == 15 && e.GetProperty("opinion").GetString()!.Contains("承诺未履行")),
            "the revocation and its reason reach the applicant's timeline");
    }

    [Fact]
    public async Task The_applicant_hands_in_the_materials_owed_after_an_approval_with_materials_to_follow()
    {
        var application = await api.SubmitAsync(Actor.Applicant, "容缺补交项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{application}/accept");
        var item = await api.ItemRoutedToAsync("ZJJ", application);
        var zjj = Actor.Department("ZJJ");
        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
        await api.ReviewPassedAsync(Actor.Applicant, item);
        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"/api/approvals/items/{item}/conclude",
            new { approved = true, opinion = "容缺受理", materialsToFollow = new[] { "施工合同", "监理合同" }, materialsDue = new DateOnly(2026, 10, 20) });
        var path = $"/api/approvals/applications/{application}/items/{item}/materials";

        await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Applicant, HttpMethod.Post, path, new { materials = new[] { "不欠的材料" } });
        var part = await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Post, path, new { materials = new[] { "施工合同" } });
        Assert.Equal(JsonValueKind.Null, part.GetProperty("materialsCompletedAt").ValueKind);
        var done = await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, path, new { materials = new[] { "监理合同" } });
        Assert.Equal(["施工合同", "监理合同"], done.GetProperty("materialsHandedIn").EnumerateArray().Select(m => m.GetString()));
        Assert.NotEqual(JsonValueKind.Null, done.GetProperty("materialsCompletedAt").ValueKind);
        await api.ExpectAsync(HttpStatusCode.Conflict, Actor.Applicant, HttpMethod.Post, path, new { materials = new[] { "监理合同" } });
        var steps = await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Get, $"/api/approvals/items/{item}/steps");
        Assert.Contains(steps.EnumerateArray(), s => s.GetProperty("opinion").GetString() == "补交容缺材料：施工合同");
    }

    [Fact]
    public async Task A_department_system_needs_an_idempotency_key_and_acts_only_on_its_own_departments_items()
    {
        var application = await api.SubmitAsync(Actor.Applicant, "部门系统对接项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{application}/accept");
        var own = await api.ItemRoutedToAsync("ZJJ", application);
        var elsewhere = await api.ItemRoutedToAsync("CGJ", application);
        var system = new DepartmentSystem(suite.Gateway, "ZJJ");

        Assert.Equal(HttpStatusCode.BadRequest, (await system.CallAsync($"/api/approvals/inbound/items/{own}/start", new { }, null)).Status);
        var foreign = await system.CallAsync($"/api/approvals/inbound/items/{elsewhere}/conclude", new { approved = true, opinion = "越权" }, $"x-{elsewhere}");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.Status);
        Assert.Equal(3, (await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("CGJ"), HttpMethod.Get, $"/api/approvals/items/{elsewhere}")).GetProperty("statusCode").GetInt32());

        // The same call sent twice at once (a retry racing the original): one effect, both get the same answer.
        var racing = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => system.CallAsync($"/api/approvals/inbound/items/{own}/start", new { }, $"start-{own}")));
        Assert.All(racing, r => Assert.Equal((HttpStatusCode.OK, 8), (r.Status, r.Body.GetProperty("statusCode").GetInt32())));
        Assert.Equal(racing[0].Body.GetRawText(), racing[1].Body.GetRawText());
        var stepKey = $"step-{own}";
        await system.CallAsync($"/api/approvals/inbound/items/{own}/steps", new { note = "完成技术审核" }, stepKey);
        var again = await system.CallAsync($"/api/approvals/inbound/items/{own}/steps", new { note = "完成技术审核" }, stepKey);
        Assert.True(again.Replayed);
        var steps = await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("ZJJ"), HttpMethod.Get, $"/api/approvals/items/{own}/steps");
        Assert.Single(steps.EnumerateArray(), s => s.GetProperty("opinion").GetString() == "关键环节：完成技术审核");
        Assert.Single(steps.EnumerateArray(), s => s.GetProperty("statusCode").GetInt32() == 8 && !s.GetProperty("opinion").ToString().StartsWith("关键环节"));
        Assert.Equal("部门开始办理", steps.EnumerateArray().Last().GetProperty("statusName").GetString());
    }

    private async Task<Guid> SubmitAllFourAsync(string projectName)
    {
        var created = await api.ExpectAsync(HttpStatusCode.Created, Actor.Applicant, HttpMethod.Post, "/api/intake/applications", new
        {
            projectCode = SuiteApi.ProjectCode, engineeringCode = SuiteApi.EngineeringCode, projectName, stageNo = 3, itemCodes = new[] { Permit, Waste, AirDefence, FireDesign },
            form = new Dictionary<string, object> { ["建设规模"] = "5万平方米", ["总建筑面积（平方米）"] = 52000, ["防空地下室面积（平方米）"] = 8000, ["建筑高度（米）"] = 80 },
        });
        return created.GetProperty("id").GetGuid();
    }

    /// <summary>The applicant's view, or nothing while the accepted application has not reached Approvals yet (404).</summary>
    private async Task<JsonElement> ItemsOnceAvailableAsync(Guid application)
    {
        using var response = await api.SendAsync(Actor.Applicant, HttpMethod.Get, $"/api/approvals/applications/{application}/items");
        if (response.StatusCode == HttpStatusCode.NotFound) return default;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private Task<JsonElement> ItemsAsync(Actor actor, Guid application) =>
        api.ExpectAsync(HttpStatusCode.OK, actor, HttpMethod.Get, $"/api/approvals/applications/{application}/items");
}
