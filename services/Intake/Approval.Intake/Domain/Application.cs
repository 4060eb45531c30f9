namespace Approval.Intake.Domain;

/// <summary>A stage application (申报): received from the applicant, decided by the window.</summary>
public sealed class Application
{
    public Guid Id { get; private set; }
    public required string RegionCode { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }
    /// <summary>The engineering code (工程代码) of Projects the application is for, when the applicant named one.</summary>
    public string? EngineeringCode { get; init; }
    public required string ApplicantId { get; init; }
    public required string ApplicantName { get; init; }
    /// <summary>The applicant's 统一社会信用代码 / 居民身份证号码 (token claim real_name_number), null when unknown: with ApplicantId the holder identity of its licences.</summary>
    public string? ApplicantNumber { get; init; }
    public required int StageNo { get; init; }
    public required string StageName { get; init; }
    /// <summary>The approval flow (审批流程) the applicant chose, its version and type (审批流程类型); null when none was chosen.</summary>
    public string? FlowCode { get; init; }
    public int? FlowVersion { get; init; }
    public string? FlowType { get; init; }
    /// <summary>The stage's milestone rule (DOMAIN.md) as the catalog stated it at submission; Approvals applies it at 受理.</summary>
    public int MilestoneRule { get; init; } = 1;
    /// <summary>The stage's time limit in working days as the catalog stated it at submission (0: none).</summary>
    public int StageTimeLimitWorkingDays { get; init; }
    public string FormData { get; private set; } = "{}";
    public required List<ApplicationItem> Items { get; init; }
    public ProcessingStatus Status { get; private set; }
    public string? DecisionReason { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    /// <summary>When its stage instance concluded (办结), null before.</summary>
    public DateTimeOffset? StageConcludedAt { get; private set; }
    /// <summary>受理方式 (DOMAIN.md): 1 window (counter), 2 web, 3 mobile, 4 mail.</summary>
    public AcceptanceChannel Channel { get; private set; } = AcceptanceChannel.Web;
    /// <summary>The window officer who entered a counter or mail submission; null when the applicant applied online.</summary>
    public string? EnteredBy { get; private set; }
    /// <summary>The complete list of corrections of the latest 补正（开始）.</summary>
    public List<Correction> Corrections { get; private set; } = [];
    public DateTimeOffset? CorrectionRequestedAt { get; private set; }
    public DateTimeOffset? CorrectedAt { get; private set; }
    /// <summary>When the window issued the consolidated result notice, and who.</summary>
    public DateTimeOffset? ResultNoticeIssuedAt { get; private set; }
    public string? ResultNoticeIssuedBy { get; private set; }
    /// <summary>PostgreSQL xmin: optimistic concurrency, so two window clerks cannot both decide.</summary>
    public uint Version { get; private set; }

    public static Application Receive(
        string regionCode, string projectCode, string projectName, string applicantId, string applicantName,
        int stageNo, string stageName, string formData, List<ApplicationItem> items, DateTimeOffset now,
        AcceptanceChannel channel = AcceptanceChannel.Web, string? enteredBy = null, string? engineeringCode = null, string? applicantNumber = null,
        int milestoneRule = 1, int stageTimeLimitWorkingDays = 0,
        (string Code, int Version, string Type)? flow = null)
    {
        if (items.Count == 0) throw ValidationException.For("itemCodes", "at least one item is required", "至少选择一个事项");
        return new Application
        {
            Id = Guid.CreateVersion7(now), RegionCode = regionCode, ProjectCode = projectCode, ProjectName = projectName,
            ApplicantId = applicantId, ApplicantName = applicantName, ApplicantNumber = applicantNumber, StageNo = stageNo, StageName = stageName,
            FormData = formData, Items = items, Status = ProcessingStatus.Received, ReceivedAt = now,
            Channel = channel, EnteredBy = enteredBy, EngineeringCode = engineeringCode,
            MilestoneRule = milestoneRule, StageTimeLimitWorkingDays = stageTimeLimitWorkingDays,
            FlowCode = flow?.Code, FlowVersion = flow?.Version, FlowType = flow?.Type,
        };
    }

    public void Accept(DateTimeOffset now) => Decide(ProcessingStatus.Accepted, null, now);

    /// <summary>不予受理: refused; the reason is required.</summary>
    public void Refuse(string? reason, DateTimeOffset now) => Decide(ProcessingStatus.Refused, RequireReason(reason), now);

    /// <summary>不受理: outside the window's scope; the reason is required.</summary>
    public void RejectOutOfScope(string? reason, DateTimeOffset now) => Decide(ProcessingStatus.NotAccepted, RequireReason(reason), now);

    /// <summary>撤件 by the applicant before acceptance.</summary>
    public void Withdraw(DateTimeOffset now) => Decide(ProcessingStatus.Withdrawn, null, now);

    /// <summary>补正（开始）: the complete list of corrections in one act; the application waits for the applicant.</summary>
    public void RequestCorrections(IReadOnlyList<Correction>? corrections, DateTimeOffset now)
    {
        if (corrections is null || corrections.Count == 0)
            throw ValidationException.For("corrections", "list every correction (at least one)", "必须一次性列出全部补正内容（至少一项）");
        var errors = new FieldErrors();
        for (var i = 0; i < corrections.Count; i++)
        {
            errors.Require(!string.IsNullOrWhiteSpace(corrections[i].Subject), $"corrections[{i}].subject", "names the material or field", "必须写明补正的材料或字段");
            errors.Require(!string.IsNullOrWhiteSpace(corrections[i].Problem), $"corrections[{i}].problem", "says what is wrong", "必须写明存在的问题");
        }
        errors.ThrowIfAny();
        ApplicationStateMachine.EnsureCanMove(Status, ProcessingStatus.CorrectionStarted);
        Status = ProcessingStatus.CorrectionStarted;
        Corrections = corrections.Select(c => new Correction(c.Subject.Trim(), c.Problem.Trim())).ToList();
        CorrectionRequestedAt = now;
        CorrectedAt = null;
    }

    /// <summary>补正（结束）: the applicant resubmitted; a corrected form replaces the old one.</summary>
    public void Correct(string? formData, DateTimeOffset now)
    {
        ApplicationStateMachine.EnsureCanMove(Status, ProcessingStatus.CorrectionEnded);
        Status = ProcessingStatus.CorrectionEnded;
        if (formData is not null) FormData = formData;
        CorrectedAt = now;
    }

    /// <summary>已受理 or, once its stage concluded, 办结（通过）/ 办结（不通过）: the departments work on (or worked on) its items.</summary>
    public bool WasAccepted => Status is ProcessingStatus.Accepted or ProcessingStatus.Approved or ProcessingStatus.NotApproved;

    /// <summary>
    /// The application follows its stage: 办结（通过） or 办结（不通过） when the stage instance concluded by its milestone rule.
    /// False (nothing changed) when it already did — the event may come twice.
    /// </summary>
    public bool ConcludeStage(bool approved, DateTimeOffset at)
    {
        var to = approved ? ProcessingStatus.Approved : ProcessingStatus.NotApproved;
        if (Status == to) return false;
        ApplicationStateMachine.EnsureCanMove(Status, to);
        Status = to;
        StageConcludedAt = at;
        return true;
    }

    /// <summary>
    /// Back to 已受理: a department recalled (撤回) the decision the stage's conclusion rested on. False when the application
    /// had not followed the stage's conclusion (it is not 办结).
    /// </summary>
    public bool ReopenStage()
    {
        if (Status is not (ProcessingStatus.Approved or ProcessingStatus.NotApproved)) return false;
        ApplicationStateMachine.EnsureCanMove(Status, ProcessingStatus.Accepted);
        Status = ProcessingStatus.Accepted;
        StageConcludedAt = null;
        return true;
    }

    /// <summary>True while the window has not decided (已接件, 补正 open or ended): consultation and materials may still change.</summary>
    public bool Undecided => Status is ProcessingStatus.Received or ProcessingStatus.CorrectionStarted or ProcessingStatus.CorrectionEnded;

    public void EnsureUndecided(string what, string chinese)
    {
        if (!Undecided) throw new IntakeRuleException(
            $"{what} is only possible before the window decides; the application is {Status.Code()} {Status.ChineseName()}.",
            $"{chinese}只能在窗口作出受理决定前进行，当前状态为“{Status.ChineseName()}”（{Status.Code()}）。");
    }

    /// <summary>The window's consolidated result notice: only for an accepted application whose items are all concluded.</summary>
    public void IssueResultNotice(bool allItemsConcluded, string by, DateTimeOffset now)
    {
        if (!WasAccepted || !allItemsConcluded)
            throw new IntakeRuleException("The result notice needs an accepted application whose items are all concluded.",
                "结果通知书须在申请已受理且全部事项办结后出具。");
        ResultNoticeIssuedAt ??= now;
        ResultNoticeIssuedBy ??= by;
    }

    private void Decide(ProcessingStatus to, string? reason, DateTimeOffset now)
    {
        ApplicationStateMachine.EnsureCanMove(Status, to);
        Status = to;
        DecisionReason = reason;
        DecidedAt = now;
    }

    private static string RequireReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? throw ValidationException.For("reason", "a reason is required", "必须填写理由")
            : reason.Trim();
}
