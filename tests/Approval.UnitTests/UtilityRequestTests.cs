using Approval.Calendar;
using Approval.Contracts.Errors;
using Approval.Utilities.Domain;

namespace Approval.UnitTests;

/// <summary>The connection flow of one utility request (R-10, PROVIDERS.md 3.2/3.7) and its step clocks on the region calendar.</summary>
public sealed class UtilityRequestTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendarTests.Demo;
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly UtilityProvider Water = new("GSGS", "示范区自来水有限公司", [ServiceTypes.Water], "", "");
    private static readonly UtilityProvider Power = new("GDGS", "国网示范区供电公司", [ServiceTypes.Power], "", "");

    private static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, Shanghai);

    private static UtilityRequest Open(UtilityProvider provider, string type, DateTimeOffset at)
    {
        var application = UtilityApplication.Create("320193", "2026-320193-47-01-000001", "示范项目", "2026-320193-47-01-000001-001",
            "applicant-1", "示范建设有限公司", "示范路1号", at);
        return UtilityRequest.Open(application.Id, application, provider, type, "新装", "DN100", at);
    }

    [Fact]
    public void Water_runs_in_two_steps_of_three_working_days_survey_then_connection()
    {
        var r = Open(Water, ServiceTypes.Water, At(9, 28));
        Assert.Equal([("受理勘查", 3), ("验收开通", 3)], r.Steps.Select(s => (s.Name, s.LimitWorkingDays)));
        Assert.Equal(At(9, 28), r.Steps[0].StartedAt);
        Assert.Null(r.Steps[1].StartedAt);

        r.Survey(null, "DN100接入市政管网", 0m, "勘查员", At(9, 29));
        Assert.Equal((At(9, 29), At(9, 29)), (r.Steps[0].EndedAt!.Value, r.Steps[1].StartedAt!.Value));
        Assert.Equal(("DN100接入市政管网", 0m), (r.ConnectionPlan, r.Fee!.Value));
        Assert.False(r.IsConnected);

        r.Connect("通水", "验收员", At(9, 30));
        Assert.True(r.IsConnected);
        Assert.Null(r.Current);
        Assert.Equal(["勘查员", "验收员"], r.Steps.Select(s => s.Handler));
    }

    [Fact]
    public void Power_runs_its_five_steps_with_the_reference_limits()
    {
        var r = Open(Power, ServiceTypes.Power, At(9, 28));
        Assert.Equal([("供电方案答复", 15), ("设计审查", 10), ("中间检查", 5), ("竣工检验", 5), ("装表接电", 5)],
            r.Steps.Select(s => (s.Name, s.LimitWorkingDays)));
        r.Survey("方案已答复", "10kV单电源", 0m, "客户经理", At(9, 29));
        r.RecordStep("设计审查通过", "客户经理", At(9, 30));
        r.RecordStep("中间检查合格", "客户经理", At(10, 8));
        // Connecting while 竣工检验 is still open is refused.
        Assert.Throws<UtilityRuleException>(() => r.Connect(null, "客户经理", At(10, 9)));
        r.RecordStep("竣工检验合格", "客户经理", At(10, 9));
        r.Connect("送电", "客户经理", At(10, 12));
        Assert.True(r.IsConnected);
    }

    [Fact]
    public void Connecting_before_the_survey_is_refused_and_changes_nothing()
    {
        var r = Open(Water, ServiceTypes.Water, At(9, 28));
        var e = Assert.Throws<UtilityRuleException>(() => r.Connect(null, "验收员", At(9, 29)));
        Assert.Contains("受理勘查", e.ChineseMessage);
        Assert.Null(r.Steps[0].EndedAt);
        Assert.False(r.IsConnected);
        // A step between does not exist for water either.
        Assert.Throws<UtilityRuleException>(() => r.RecordStep("x", "y", At(9, 29)));
    }

    [Fact]
    public void A_survey_needs_a_plan_and_a_fee_that_is_not_negative()
    {
        var r = Open(Water, ServiceTypes.Water, At(9, 28));
        var e = Assert.Throws<ValidationException>(() => r.Survey(null, " ", -1m, "勘查员", At(9, 29)));
        Assert.Equal(["connectionPlan", "fee"], e.Errors.Keys.Order());
        Assert.Null(r.Steps[0].EndedAt);
    }

    [Fact]
    public void A_supplement_pauses_the_step_clock_until_the_answer_and_blocks_the_step_meanwhile()
    {
        // Power's 设计审查 starts Tue 29 Sep; limit 10. Supplement from 30 Sep to 9 Oct: 8 and 9 Oct paused (National Day off).
        var r = Open(Power, ServiceTypes.Power, At(9, 28));
        r.Survey(null, "10kV单电源", 0m, "客户经理", At(9, 29));
        r.RequestSupplement("补充负荷计算书", "客户经理", At(9, 30, 9));
        var paused = StepClock.Read(Calendar, r.Steps[1], r.Supplements, At(10, 8, 15), WarningThreshold.Default)!;
        Assert.True(paused.IsPaused);
        Assert.Throws<UtilityRuleException>(() => r.RecordStep("通过", "客户经理", At(10, 8)));
        Assert.Throws<UtilityRuleException>(() => r.RequestSupplement("再补", "客户经理", At(10, 8)));

        r.AnswerSupplement("已上传负荷计算书", At(10, 9, 9));
        var running = StepClock.Read(Calendar, r.Steps[1], r.Supplements, At(10, 12), WarningThreshold.Default)!;
        Assert.False(running.IsPaused);
        Assert.Equal(2, running.Paused);
        var unpaused = Clock.Read(Calendar, At(9, 29), 10, [], At(10, 12), WarningThreshold.Default);
        Assert.Equal(unpaused.Used - 2, running.Used);
        Assert.Equal(Calendar.AddWorkingDays(unpaused.Deadline, 2), running.Deadline);
        // The survey step's clock is untouched by the later step's supplement.
        Assert.Equal(0, StepClock.Read(Calendar, r.Steps[0], r.Supplements, At(10, 12), WarningThreshold.Default)!.Paused);
    }

    [Fact]
    public void A_step_clock_warns_then_runs_overdue_and_stops_at_the_step_end()
    {
        // Water 受理勘查 from Mon 14 Sep, 3 working days: deadline Thu 17 Sep.
        var r = Open(Water, ServiceTypes.Water, At(9, 14));
        Assert.Equal(ClockState.OnTime, StepClock.Read(Calendar, r.Steps[0], [], At(9, 14), new WarningThreshold(0.2, 1))!.State);
        Assert.Equal(ClockState.Warning, StepClock.Read(Calendar, r.Steps[0], [], At(9, 16), new WarningThreshold(0.2, 1))!.State);
        Assert.Equal(ClockState.Overdue, StepClock.Read(Calendar, r.Steps[0], [], At(9, 18), WarningThreshold.Default)!.State);
        r.Survey(null, "接入", 0m, "勘查员", At(9, 16));
        var stopped = StepClock.Read(Calendar, r.Steps[0], [], At(10, 30), WarningThreshold.Default)!;
        Assert.Equal((true, ClockState.OnTime, 2), (stopped.Stopped, stopped.State, stopped.Used));
        Assert.Null(StepClock.Read(Calendar, new UtilityStep { Name = "未开始", LimitWorkingDays = 3 }, [], At(9, 16), WarningThreshold.Default));
    }

    [Fact]
    public void A_connected_request_takes_no_more_acts()
    {
        var r = Open(Water, ServiceTypes.Water, At(9, 28));
        r.Survey(null, "接入", 0m, "勘查员", At(9, 29));
        r.Connect(null, "验收员", At(9, 30));
        Assert.Throws<UtilityRuleException>(() => r.Connect(null, "验收员", At(10, 8)));
        Assert.Throws<UtilityRuleException>(() => r.RequestSupplement("补", "验收员", At(10, 8)));
        Assert.Throws<UtilityRuleException>(() => r.PostEarlyPlan("早", At(10, 8)));
    }

    [Fact]
    public void Providers_must_be_region_organisations_offering_known_service_types()
    {
        var region = new Approval.ServiceDefaults.Region.DeploymentRegion("320193", "示范区", [new("GSGS", "示范区自来水有限公司", null)]);
        var ok = new UtilityProviders(new UtilitiesOptions { Providers = [new ProviderOptions { Code = "GSGS", ServiceTypes = ["water"] }] }, region);
        Assert.Equal("示范区自来水有限公司", ok.Find("GSGS")!.Name);
        var bad = Assert.Throws<InvalidOperationException>(() => new UtilityProviders(new UtilitiesOptions
        {
            Providers = [new ProviderOptions { Code = "XXXX", ServiceTypes = ["water"] }, new ProviderOptions { Code = "GSGS", ServiceTypes = ["steam"] }],
        }, region));
        Assert.Contains("XXXX", bad.Message);
        Assert.Contains("steam", bad.Message);
    }
}
