using Approval.Calendar;

namespace Approval.Approvals.Domain;

/// <summary>事项实例: one item of an accepted application, routed to its department.</summary>
public sealed partial class ItemInstance
{
    public Guid Id { get; private set; }
    public required Guid ApplicationId { get; init; }
    public required string RegionCode { get; init; }
    public required string ProjectCode { get; init; }
    public required string ProjectName { get; init; }
    /// <summary>The holder's display name, printed on the certificate; never an access key.</summary>
    public required string Holder { get; init; }
    /// <summary>The holder's applicant account (token subject): what its licence belongs to.</summary>
    public string HolderId { get; init; } = "";
    /// <summary>The holder's 统一社会信用代码 / 居民身份证号码, when the application recorded it.</summary>
    public string? HolderNumber { get; init; }
    public required string ItemCode { get; init; }
    public required string ItemName { get; init; }
    public required string DepartmentCode { get; init; }
    public required string DepartmentName { get; init; }
    public required string DepartmentCreditCode { get; init; }
    public required int TimeLimitWorkingDays { get; init; }
    public Guid StageInstanceId { get; init; }
    /// <summary>并联审批实例编码 of its stage instance; null when the stage instance has one item.</summary>
    public string? ParallelInstanceCode { get; init; }
    public string? LicenceTypeCode { get; init; }
    public string? LicenceName { get; init; }
    public ProcessingStatus Status { get; private set; }
    public string? Opinion { get; private set; }
    /// <summary>办结（容缺通过）: the materials the applicant still owes, and by when.</summary>
    public List<string> MaterialsToFollow { get; private set; } = [];
    public DateOnly? MaterialsDue { get; private set; }
    /// <summary>有序审批: the code of the item of the same stage instance whose decision this one waits for.</summary>
    public string? AfterItemCode { get; private set; }
    /// <summary>里程碑事项: its conclusion counts for the stage's milestone rule.</summary>
    public bool Milestone { get; private set; }
    /// <summary>告知承诺制 item: decided on the applicant's commitment .</summary>
    public bool NotificationCommitment { get; private set; }
    public DateTimeOffset AcceptedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? ConcludedAt { get; private set; }
    public uint Version { get; private set; }

    public static ItemInstance Open(StageInstance stage, string regionCode, string projectCode, string projectName, string holder,
        string itemCode, string itemName, string departmentCode, string departmentName, string departmentCreditCode,
        int timeLimit, string? licenceTypeCode, string? licenceName, DateTimeOffset acceptedAt, string holderId = "", string? holderNumber = null) => new()
    {
        Id = Guid.CreateVersion7(acceptedAt), ApplicationId = stage.ApplicationId, StageInstanceId = stage.Id,
        ParallelInstanceCode = stage.ParallelInstanceCode, RegionCode = regionCode, ProjectCode = projectCode,
        ProjectName = projectName, Holder = holder, HolderId = holderId, HolderNumber = holderNumber, ItemCode = itemCode, ItemName = itemName, DepartmentCode = departmentCode,
        DepartmentName = departmentName, DepartmentCreditCode = departmentCreditCode, TimeLimitWorkingDays = timeLimit,
        LicenceTypeCode = licenceTypeCode, LicenceName = licenceName, Status = ProcessingStatus.Accepted, AcceptedAt = acceptedAt,
    };

    /// <summary>What the catalog says about the item within its stage: its order, milestone flag and commitment kind.</summary>
    public ItemInstance WithCatalogRules(string? afterItemCode, bool milestone, bool notificationCommitment)
    {
        AfterItemCode = afterItemCode;
        Milestone = milestone;
        NotificationCommitment = notificationCommitment;
        return this;
    }

    /// <summary>
    /// 有序审批: an ordered item starts with the others but records its decision only after the earlier item
    /// concluded; <paramref name="earlier"/> is that item of the same stage instance (null when it has none).
    /// </summary>
    public void EnsureMayDecide(ItemInstance? earlier)
    {
        if (AfterItemCode is null || earlier is null) return;
        if (earlier.ItemCode != AfterItemCode || earlier.StageInstanceId != StageInstanceId)
            throw new InvalidOperationException($"item instance {earlier.Id} is not the earlier item of {Id}");
        if (!earlier.HasConcluded) throw new EarlierItemUndecidedException(this, earlier);
    }

    /// <summary>Concluded (办结 in any form), including an approval revoked later.</summary>
    public bool HasConcluded => ConcludedAt is not null;

    /// <summary>部门开始办理.</summary>
    public void Start(DateTimeOffset now)
    {
        ItemStateMachine.EnsureCanMove(Status, ProcessingStatus.DepartmentStarted);
        Status = ProcessingStatus.DepartmentStarted;
        StartedAt = now;
    }

    /// <summary>特别程序（开始）: the clock pauses until the procedure ends.</summary>
    public SpecialProcedure StartSpecialProcedure(SpecialProcedureType type, string? reason, int plannedWorkingDays, DateTimeOffset now)
    {
        ItemStateMachine.EnsureCanMove(Status, ProcessingStatus.SpecialProcedureStarted);
        new FieldErrors()
            .Require(Enum.IsDefined(type), "type", "must be 1 公示, 2 公告, 3 现场勘查, 4 专家评审, 5 上级部门审批 or 9 其他", "特别程序类型不正确")
            .Require(!string.IsNullOrWhiteSpace(reason), "reason", "is required", "必须填写特别程序事由")
            .Require(plannedWorkingDays is > 0 and <= 250, "plannedWorkingDays", "must be 1–250 working days", "计划时长应为1至250个工作日")
            .ThrowIfAny();
        Status = ProcessingStatus.SpecialProcedureStarted;
        return new SpecialProcedure
        {
            Id = Guid.CreateVersion7(now), ItemInstanceId = Id, Type = type, Reason = reason!.Trim(),
            PlannedWorkingDays = plannedWorkingDays, StartedAt = now,
        };
    }

    /// <summary>特别程序（结束）: records the result; the clock runs again.</summary>
    public void EndSpecialProcedure(SpecialProcedure? open, string? result, DateTimeOffset now)
    {
        ItemStateMachine.EnsureCanMove(Status, ProcessingStatus.SpecialProcedureEnded);
        if (string.IsNullOrWhiteSpace(result))
            throw ValidationException.For("result", "the result of the special procedure is required", "必须填写特别程序结果");
        if (open is null || open.ItemInstanceId != Id || open.EndedAt is not null)
            throw new InvalidOperationException($"item instance {Id} is in special procedure but has no open procedure");
        open.End(result.Trim(), now);
        Status = ProcessingStatus.SpecialProcedureEnded;
    }

    /// <summary>The item's clock (R-T.3), in the unit the catalog states: stopped at its conclusion, paused by its special procedures and 补正.</summary>
    public ClockReading ReadClock(WorkingCalendar calendar, IEnumerable<Pause> pauses, DateTimeOffset now, WarningThreshold threshold) =>
        Clock.Read(calendar, AcceptedAt, Limit,
            pauses, ConcludedAt ?? now, threshold,
            stopped: ConcludedAt is not null);

    /// <summary>
    /// 办结（容缺通过）: approved while named materials are still missing; they must follow by a due date
    /// after the conclusion day. The certificate is issued as for 办结（通过）.
    /// </summary>
    public void ConcludeWithMaterialsToFollow(string? opinion, IReadOnlyCollection<string>? materials, DateOnly? due, DateOnly today, DateTimeOffset now)
    {
        ItemStateMachine.EnsureCanMove(Status, ProcessingStatus.ApprovedWithMaterialsToFollow);
        var named = (materials ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).Distinct().ToList();
        new FieldErrors()
            .Require(!string.IsNullOrWhiteSpace(opinion), "opinion", "an opinion is required to conclude", "办结必须填写审批意见")
            .Require(named.Count > 0, "materialsToFollow", "name at least one material to follow", "至少列明一项容缺后补材料")
            .Require(due is { } d && d > today, "materialsDue", "a due date after today is required", "必须填写晚于今日的补交期限")
            .ThrowIfAny();
        Status = ProcessingStatus.ApprovedWithMaterialsToFollow;
        Opinion = opinion!.Trim();
        MaterialsToFollow = named;
        MaterialsDue = due;
        ConcludedAt = now;
    }

    /// <summary>办结（通过） or 办结（不通过）; an opinion is required either way.</summary>
    public void Conclude(bool approved, string? opinion, DateTimeOffset now)
    {
        var to = approved ? ProcessingStatus.Approved : ProcessingStatus.NotApproved;
        ItemStateMachine.EnsureCanMove(Status, to);
        if (string.IsNullOrWhiteSpace(opinion))
            throw ValidationException.For("opinion", "an opinion is required to conclude", "办结必须填写审批意见");
        Status = to;
        Opinion = opinion.Trim();
        ConcludedAt = now;
    }
}
