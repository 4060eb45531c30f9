namespace Approval.Utilities.Domain;

/// <summary>
/// One utility's part of a connection application (报装): its service type, the steps of that type on the utility's own
/// clock, supplements that pause it, the connection plan and fees of the survey, and an early plan the utility may post
/// while the project is still in design. The steps run in order; the last one connects.
/// </summary>
public sealed class UtilityRequest
{
    public Guid Id { get; private set; }
    public Guid ApplicationId { get; init; }
    public required string RegionCode { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }
    public required string EngineeringCode { get; init; }
    public required string ApplicantId { get; init; }
    public required string ApplicantName { get; init; }
    public required string UtilityCode { get; init; }
    public required string UtilityName { get; init; }
    public required string ServiceType { get; init; }
    /// <summary>新装, 增容 or 临时 (PROVIDERS.md 3.6).</summary>
    public required string RequestType { get; init; }
    /// <summary>Capacity (kW/kVA), meter size (DN) or gas load as the applicant stated it.</summary>
    public string? Demand { get; init; }
    public DateTimeOffset AppliedAt { get; init; }
    public List<UtilityStep> Steps { get; private set; } = [];
    public List<Supplement> Supplements { get; private set; } = [];
    public string? ConnectionPlan { get; private set; }
    /// <summary>Fees the survey stated, in yuan (0 where the region charges none).</summary>
    public decimal? Fee { get; private set; }
    public string? EarlyPlan { get; private set; }
    public DateTimeOffset? EarlyPlanAt { get; private set; }
    public DateTimeOffset? ConnectedAt { get; private set; }
    /// <summary>PostgreSQL xmin: two handlers cannot record the same step twice.</summary>
    public uint Version { get; private set; }

    public static UtilityRequest Open(Guid applicationId, UtilityApplication a, UtilityProvider provider, string serviceType, string requestType,
        string? demand, DateTimeOffset now)
    {
        var request = new UtilityRequest
        {
            Id = Guid.CreateVersion7(now), ApplicationId = applicationId, RegionCode = a.RegionCode, ProjectCode = a.ProjectCode, ProjectName = a.ProjectName,
            EngineeringCode = a.EngineeringCode, ApplicantId = a.ApplicantId, ApplicantName = a.ApplicantName, UtilityCode = provider.Code,
            UtilityName = provider.Name, ServiceType = serviceType, RequestType = requestType, Demand = demand, AppliedAt = now,
        };
        var plans = ServiceTypes.StepsOf(serviceType);
        for (var i = 0; i < plans.Count; i++)
            request.Steps.Add(new UtilityStep { No = i + 1, Name = plans[i].Name, Kind = plans[i].Kind, LimitWorkingDays = plans[i].LimitWorkingDays, StartedAt = i == 0 ? now : null });
        return request;
    }

    /// <summary>The step under way, or null once connected.</summary>
    public UtilityStep? Current => Steps.FirstOrDefault(s => s.EndedAt is null);

    public bool IsConnected => ConnectedAt is not null;

    public Supplement? OpenSupplement => Supplements.FirstOrDefault(s => s.AnsweredAt is null);

    /// <summary>受理勘查 / 供电方案答复: concludes the first step with the connection plan and fees.</summary>
    public UtilityStep Survey(string? result, string? plan, decimal? fee, string handler, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        errors.Require(Text(plan, 2000), "connectionPlan", "is required, at most 2000 characters", "接入方案必填，最多2000字");
        errors.Require(fee is >= 0 and < 100_000_000m, "fee", "is required, 0 or more yuan", "费用（元）必填，不能为负");
        errors.Require(result is null || result.Length <= 500, "result", "must have at most 500 characters", "办理结果最多500字");
        errors.ThrowIfAny();
        var step = Expect(StepKind.Survey, "survey", "受理勘查");
        ConnectionPlan = plan!.Trim();
        Fee = fee;
        return Conclude(step, string.IsNullOrWhiteSpace(result) ? "已勘查，出具接入方案" : result.Trim(), handler, now);
    }

    /// <summary>A step between survey and connection (power's 设计审查, 中间检查, 竣工检验).</summary>
    public UtilityStep RecordStep(string? result, string handler, DateTimeOffset now)
    {
        RequireResult(result);
        return Conclude(Expect(StepKind.Intermediate, "record this step", "办理该环节"), result!.Trim(), handler, now);
    }

    /// <summary>验收开通 / 装表接电: the last step; refused (409) before the survey and any step between have concluded.</summary>
    public UtilityStep Connect(string? result, string handler, DateTimeOffset now)
    {
        var step = Expect(StepKind.Connect, "connect", "验收开通");
        var concluded = Conclude(step, string.IsNullOrWhiteSpace(result) ? "已验收开通" : result.Trim(), handler, now);
        ConnectedAt = now;
        return concluded;
    }

    /// <summary>补正: the utility asks the applicant for more; the current step's clock stops until the answer.</summary>
    public Supplement RequestSupplement(string? reason, string by, DateTimeOffset now)
    {
        if (!Text(reason, 500)) throw ValidationException.For("reason", "is required, at most 500 characters", "补正原因必填，最多500字");
        var step = Current ?? throw Closed();
        if (OpenSupplement is not null)
            throw new UtilityRuleException("A supplement is already awaiting the applicant's answer.", "已有待申请人答复的补正，不能再次发起。");
        var supplement = new Supplement { StepNo = step.No, Reason = reason!.Trim(), RequestedAt = now, RequestedBy = by };
        Supplements.Add(supplement);
        return supplement;
    }

    /// <summary>补正（结束）: the applicant answers; the clock runs again.</summary>
    public Supplement AnswerSupplement(string? answer, DateTimeOffset now)
    {
        if (!Text(answer, 1000)) throw ValidationException.For("answer", "is required, at most 1000 characters", "补正答复必填，最多1000字");
        var open = OpenSupplement ?? throw new UtilityRuleException("No supplement is awaiting an answer.", "没有待答复的补正。");
        open.Answer = answer!.Trim();
        open.AnsweredAt = now;
        return open;
    }

    /// <summary>前置服务: a plan posted early, from the design materials, before or beside the survey.</summary>
    public void PostEarlyPlan(string? plan, DateTimeOffset now)
    {
        if (!Text(plan, 2000)) throw ValidationException.For("plan", "is required, at most 2000 characters", "预接入方案必填，最多2000字");
        if (IsConnected) throw Closed();
        EarlyPlan = plan!.Trim();
        EarlyPlanAt = now;
    }

    private UtilityStep Expect(StepKind kind, string english, string chinese)
    {
        var step = Current ?? throw Closed();
        if (step.Kind != kind)
            throw new UtilityRuleException($"Cannot {english} now: the current step is {step.No} {step.Name}.",
                $"当前环节为“{step.Name}”（第{step.No}步），不能{chinese}。");
        if (OpenSupplement is not null)
            throw new UtilityRuleException("The step waits for the applicant's supplement.", "该环节正在等待申请人补正。");
        return step;
    }

    private UtilityStep Conclude(UtilityStep step, string result, string handler, DateTimeOffset now)
    {
        step.EndedAt = now;
        step.Result = result;
        step.Handler = handler;
        if (Steps.FirstOrDefault(s => s.No == step.No + 1) is { } next) next.StartedAt = now;
        return step;
    }

    private static void RequireResult(string? result)
    {
        if (!Text(result, 500)) throw ValidationException.For("result", "is required, at most 500 characters", "办理结果必填，最多500字");
    }

    private static UtilityRuleException Closed() => new("The request is already connected.", "该报装已开通，不能再办理。");

    private static bool Text(string? value, int max) => !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= max;
}
