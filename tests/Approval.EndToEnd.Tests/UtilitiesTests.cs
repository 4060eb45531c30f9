using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// Issue 18 through the gateway: a project applies once for water and power; each utility sees the stage-2 design scheme
/// only because the project applied to it; water is surveyed and connected; power runs its five steps with one
/// supplement pausing its clock; the applicant's progress shows every step with its clock; bad input is refused.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class UtilitiesTests(SuiteFixture suite)
{
    public static readonly Actor Water = new("utility-e2e-GSGS", "utility", "GSGS", "供水受理员");
    public static readonly Actor Power = new("utility-e2e-GDGS", "utility", "GDGS", "供电客户经理");
    public static readonly Actor Gas = new("utility-e2e-RQGS", "utility", "RQGS", "燃气受理员");

    private readonly SuiteApi api = new(suite.Gateway);
    private readonly IntakeApi intake = new(suite.Gateway);

    [Fact]
    public async Task One_form_for_water_and_power_runs_each_utility_on_its_own_steps_and_clock()
    {
        var applicant = IntakeApi.NewApplicant("报装建设有限公司");
        var phase = await api.PhaseAsync(applicant);
        var scheme = IntakeApi.Pdf($"设计方案 {Guid.NewGuid()}");
        var designPath = $"/api/intake/projects/{phase.ProjectCode}/design-materials";
        var materialId = await SubmitDesignSchemeAsync(applicant, phase, scheme);

        // Before any application to it, a utility sees nothing of the project's designs.
        await api.ExpectAsync(HttpStatusCode.NotFound, Water, HttpMethod.Get, designPath);
        Assert.Equal(HttpStatusCode.NotFound, (await intake.DownloadAsync(Water, materialId)).Status);

        var application = await api.ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post, "/api/utilities/applications", new
        {
            engineeringCode = phase.EngineeringCode, address = "示范区科创大道8号",
            requests = new object[]
            {
                new { utilityCode = "GSGS", serviceType = "water", requestType = "新装", demand = "DN100" },
                new { utilityCode = "GDGS", serviceType = "power", requestType = "新装", demand = "800kVA 10kV单电源" },
            },
        });
        var applicationId = application.GetProperty("id").GetGuid();
        var water = RequestOf(application, "GSGS");
        var power = RequestOf(application, "GDGS");

        // both utilities see the design scheme and can read it; the gas utility, not applied to, cannot.
        foreach (var utility in new[] { Water, Power })
        {
            var designs = await api.ExpectAsync(HttpStatusCode.OK, utility, HttpMethod.Get, designPath);
            var design = Assert.Single(designs.EnumerateArray());
            Assert.Equal(("设计方案文本及图纸", materialId), (design.GetProperty("name").GetString(), design.GetProperty("materialId").GetGuid()));
            var (status, body) = await intake.DownloadAsync(utility, materialId);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(scheme, body);
        }
        await api.ExpectAsync(HttpStatusCode.NotFound, Gas, HttpMethod.Get, designPath);
        Assert.Equal(HttpStatusCode.NotFound, (await intake.DownloadAsync(Gas, materialId)).Status);
        var early = await api.ExpectAsync(HttpStatusCode.OK, Power, HttpMethod.Post, $"/api/utilities/requests/{power}/early-plan", new { plan = "按设计方案预留10kV环网柜位置" });

        // Once the construction-drawing review concludes, its sealed result is among the designs the applied-to utilities see.
        await new ReviewFlow(suite.Gateway).ReviewAsync(applicant, phase, "concluded");
        var withResult = await SuiteApi.PollAsync(() => api.ExpectAsync(HttpStatusCode.OK, Water, HttpMethod.Get, designPath),
            list => list.GetArrayLength() == 2, "the review result reaches the project's design materials");
        var reviewResult = withResult.EnumerateArray().Single(d => d.GetProperty("stageName").GetString() == "技术审查结果");
        Assert.Equal(("施工图审查合格书", JsonValueKind.Null), (reviewResult.GetProperty("name").GetString(), reviewResult.GetProperty("applicationId").ValueKind));
        var resultId = reviewResult.GetProperty("materialId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await intake.DownloadAsync(Water, resultId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await intake.DownloadAsync(Gas, resultId)).Status);
        Assert.Equal("按设计方案预留10kV环网柜位置", early.GetProperty("earlyPlan").GetString());

        // Water: connecting before the survey is 409; another utility acting on it is 404; survey, then connect.
        await api.ExpectAsync(HttpStatusCode.Conflict, Water, HttpMethod.Post, $"/api/utilities/requests/{water}/connect", new { result = "通水" });
        await api.ExpectAsync(HttpStatusCode.NotFound, Power, HttpMethod.Post, $"/api/utilities/requests/{water}/survey", new { connectionPlan = "越权", fee = 0 });
        await api.ExpectAsync(HttpStatusCode.NotFound, Gas, HttpMethod.Get, $"/api/utilities/requests/{water}");
        var surveyed = await api.ExpectAsync(HttpStatusCode.OK, Water, HttpMethod.Post, $"/api/utilities/requests/{water}/survey",
            new { connectionPlan = "DN100接入科创大道市政给水管", fee = 0, result = "已现场勘查" });
        Assert.Equal(("DN100接入科创大道市政给水管", 2), (surveyed.GetProperty("connectionPlan").GetString(), surveyed.GetProperty("currentStepNo").GetInt32()));
        var connected = await api.ExpectAsync(HttpStatusCode.OK, Water, HttpMethod.Post, $"/api/utilities/requests/{water}/connect", new { result = "已通水" });
        Assert.Equal("已开通", connected.GetProperty("status").GetString());
        await api.ExpectAsync(HttpStatusCode.Conflict, Water, HttpMethod.Post, $"/api/utilities/requests/{water}/connect", new { result = "再次开通" });

        // Power: the plan reply, then a supplement stops the clock of 设计审查 until the applicant answers.
        await api.ExpectAsync(HttpStatusCode.OK, Power, HttpMethod.Post, $"/api/utilities/requests/{power}/survey",
            new { connectionPlan = "10kV单电源接入开闭所", fee = 0 });
        var paused = await api.ExpectAsync(HttpStatusCode.OK, Power, HttpMethod.Post, $"/api/utilities/requests/{power}/supplements", new { reason = "补充电气设计图纸" });
        Assert.Equal("补正中", paused.GetProperty("status").GetString());
        var pausedStep = Step(await ProgressRequestAsync(applicant, applicationId, "GDGS"), 2);
        Assert.True(pausedStep.GetProperty("clock").GetProperty("isPaused").GetBoolean());
        await api.ExpectAsync(HttpStatusCode.Conflict, Power, HttpMethod.Post, $"/api/utilities/requests/{power}/steps", new { result = "设计审查通过" });
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Post, $"/api/utilities/requests/{power}/supplements/answer", new { answer = "越权" });
        await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Post, $"/api/utilities/requests/{power}/supplements/answer", new { answer = "已上传电气设计图纸" });
        foreach (var result in new[] { "设计审查通过", "中间检查合格", "竣工检验合格" })
            await api.ExpectAsync(HttpStatusCode.OK, Power, HttpMethod.Post, $"/api/utilities/requests/{power}/steps", new { result });
        await api.ExpectAsync(HttpStatusCode.OK, Power, HttpMethod.Post, $"/api/utilities/requests/{power}/connect", new { result = "已送电" });

        // The applicant's progress: every step of both utilities with its times, handler, result and clock.
        var progress = await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, $"/api/utilities/applications/{applicationId}");
        var waterView = progress.GetProperty("requests").EnumerateArray().Single(r => r.GetProperty("utilityCode").GetString() == "GSGS");
        var powerView = progress.GetProperty("requests").EnumerateArray().Single(r => r.GetProperty("utilityCode").GetString() == "GDGS");
        Assert.Equal(["受理勘查", "验收开通"], Steps(waterView).Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(["供电方案答复", "设计审查", "中间检查", "竣工检验", "装表接电"], Steps(powerView).Select(s => s.GetProperty("name").GetString()));
        foreach (var step in Steps(waterView).Concat(Steps(powerView)))
        {
            Assert.NotEqual(JsonValueKind.Null, step.GetProperty("endedAt").ValueKind);
            Assert.False(string.IsNullOrEmpty(step.GetProperty("handler").GetString()));
            var clock = step.GetProperty("clock");
            Assert.True(clock.GetProperty("stopped").GetBoolean());
            Assert.Equal("正常", clock.GetProperty("stateName").GetString()); // all within the utility's own time
        }
        Assert.Equal([3, 3], Steps(waterView).Select(s => s.GetProperty("clock").GetProperty("limit").GetInt32()));
        Assert.Equal([15, 10, 5, 5, 5], Steps(powerView).Select(s => s.GetProperty("clock").GetProperty("limit").GetInt32()));
        var supplement = Assert.Single(powerView.GetProperty("supplements").EnumerateArray());
        Assert.Equal((2, "已上传电气设计图纸"), (supplement.GetProperty("stepNo").GetInt32(), supplement.GetProperty("answer").GetString()));
        Assert.Equal(("已开通", "已开通"), (waterView.GetProperty("status").GetString(), powerView.GetProperty("status").GetString()));

        // The workbench of each utility lists its own request only.
        var bench = await api.ExpectAsync(HttpStatusCode.OK, Water, HttpMethod.Get, "/api/utilities/requests");
        Assert.Contains(bench.EnumerateArray(), r => r.GetProperty("id").GetGuid() == water);
        Assert.DoesNotContain(bench.EnumerateArray(), r => r.GetProperty("id").GetGuid() == power);
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Get, $"/api/utilities/applications/{applicationId}");
    }

    [Fact]
    public async Task A_service_type_the_utility_does_not_provide_is_a_400_and_another_applicants_project_a_404()
    {
        var applicant = IntakeApi.NewApplicant("报装校验公司");
        var phase = await api.PhaseAsync(applicant);
        var wrong = await api.ExpectAsync(HttpStatusCode.BadRequest, applicant, HttpMethod.Post, "/api/utilities/applications", new
        {
            engineeringCode = phase.EngineeringCode, address = "示范区科创大道9号",
            requests = new object[] { new { utilityCode = "GSGS", serviceType = "gas" }, new { utilityCode = "XXXX", serviceType = "water" } },
        });
        var errors = wrong.GetProperty("errors");
        Assert.Contains("供水", errors.GetProperty("requests[0].serviceType")[0].GetString()); // names what GSGS does provide
        Assert.True(errors.TryGetProperty("requests[1].utilityCode", out _), errors.ToString());
        await api.ExpectAsync(HttpStatusCode.BadRequest, applicant, HttpMethod.Post, "/api/utilities/applications",
            new { engineeringCode = phase.EngineeringCode, address = "示范区科创大道9号", requests = Array.Empty<object>() });

        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Post, "/api/utilities/applications", new
        {
            engineeringCode = phase.EngineeringCode, address = "示范区科创大道9号", requests = new object[] { new { utilityCode = "GSGS", serviceType = "water" } },
        });
        // Staff cannot apply on an applicant's behalf here.
        await api.ExpectAsync(HttpStatusCode.Forbidden, Water, HttpMethod.Post, "/api/utilities/applications", new
        {
            engineeringCode = phase.EngineeringCode, address = "示范区科创大道9号", requests = new object[] { new { utilityCode = "GSGS", serviceType = "water" } },
        });
    }

    private async Task<Guid> SubmitDesignSchemeAsync(Actor applicant, ProjectPhase phase, byte[] scheme)
    {
        var uploaded = await intake.UploadOkAsync(applicant, "设计方案.pdf", scheme);
        var materialId = uploaded.GetProperty("id").GetGuid();
        await api.ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post, "/api/intake/applications", new
        {
            engineeringCode = phase.EngineeringCode, stageNo = 2, itemCodes = new[] { "320193-ZR-GH-001" },
            form = new Dictionary<string, object> { ["建设规模"] = "3万平方米", ["总建筑面积（平方米）"] = 30000 },
            materials = new[] { new { name = "设计方案文本及图纸", materialId } },
        });
        return materialId;
    }

    private async Task<JsonElement> ProgressRequestAsync(Actor applicant, Guid applicationId, string utility) =>
        (await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, $"/api/utilities/applications/{applicationId}"))
            .GetProperty("requests").EnumerateArray().Single(r => r.GetProperty("utilityCode").GetString() == utility);

    private static Guid RequestOf(JsonElement application, string utility) =>
        application.GetProperty("requests").EnumerateArray().Single(r => r.GetProperty("utilityCode").GetString() == utility).GetProperty("id").GetGuid();

    private static List<JsonElement> Steps(JsonElement request) => request.GetProperty("steps").EnumerateArray().ToList();

    private static JsonElement Step(JsonElement request, int no) => Steps(request).Single(s => s.GetProperty("no").GetInt32() == no);
}
