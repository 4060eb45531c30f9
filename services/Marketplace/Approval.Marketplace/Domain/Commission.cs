using Approval.Contracts.Codes;
namespace Approval.Marketplace.Domain;

/// <summary>委托 status: 待接受 → 已接受 (or 已拒绝) → 服务中 → 已完成.</summary>
public enum CommissionStatus
{
    Offered = 1,
    Accepted = 2,
    Declined = 3,
    Started = 4,
    Ended = 5,
}

/// <summary>A milestone (节点) the agency records while it works.</summary>
public sealed record Milestone(string Name, string? Note, DateTimeOffset At);

/// <summary>
/// The commission (委托) of the selected agency for one project phase: the agency accepts or declines within the region's
/// limit, records start, milestones and end; the applicant rates it after the end (满意度, DOMAIN.md).
/// </summary>
public sealed class Commission
{
    public const int MaxMilestones = 50;

    public Guid Id { get; private set; }
    public Guid SelectionId { get; init; }
    public required string RegionCode { get; init; }
    public required string OwnerId { get; init; }
    public required string ProjectCode { get; init; }
    public required string EngineeringCode { get; init; }
    public required string ServiceType { get; init; }
    public Guid AgencyId { get; init; }
    public required string AgencyOrgCode { get; init; }
    public required string AgencyName { get; init; }
    /// <summary>The service's time limit (承诺时限) in working days, counted from the start.</summary>
    public int LimitWorkingDays { get; init; }
    public CommissionStatus Status { get; private set; } = CommissionStatus.Offered;
    public DateTimeOffset OfferedAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? DeclineReason { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public List<Milestone> Milestones { get; private set; } = [];
    public DateTimeOffset? EndedAt { get; private set; }
    public int? Satisfaction { get; private set; }
    public string? RatingComment { get; private set; }
    public DateTimeOffset? RatedAt { get; private set; }
    public uint Version { get; private set; }

    public static Commission Offer(Selection selection, Agency agency, int limitWorkingDays, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), SelectionId = selection.Id, RegionCode = selection.RegionCode, OwnerId = selection.OwnerId,
        ProjectCode = selection.ProjectCode, EngineeringCode = selection.EngineeringCode, ServiceType = selection.ServiceType,
        AgencyId = agency.Id, AgencyOrgCode = agency.OrgCode, AgencyName = agency.Name, LimitWorkingDays = limitWorkingDays, OfferedAt = now,
    };

    /// <summary>Accepts (or declines, with a reason) while the answer limit lasts; <paramref name="lapsed"/> comes from the region's clock.</summary>
    public void Answer(bool accept, string? reason, bool lapsed, DateTimeOffset now)
    {
        Expect(CommissionStatus.Offered, accept ? "接受委托" : "拒绝委托");
        if (lapsed)
            throw new MarketplaceRuleException("The time to answer this commission has passed.", "委托答复期限已过，不能再接受或拒绝。");
        if (!accept && (string.IsNullOrWhiteSpace(reason) || reason.Length > 500))
            throw ValidationException.For("reason", "declining needs a reason, at most 500 characters", "拒绝委托须说明理由，最多500字");
        Status = accept ? CommissionStatus.Accepted : CommissionStatus.Declined;
        DeclineReason = accept ? null : reason!.Trim();
        AnsweredAt = now;
    }

    public void Start(DateTimeOffset now)
    {
        Expect(CommissionStatus.Accepted, "开始服务");
        Status = CommissionStatus.Started;
        StartedAt = now;
    }

    public Milestone AddMilestone(string? name, string? note, DateTimeOffset now)
    {
        Expect(CommissionStatus.Started, "记录节点");
        var errors = new FieldErrors();
        errors.Require(AgencyProfileRules.Text(name, 100), "name", "is required, at most 100 characters", "节点名称必填，最多100字");
        errors.Require(note is null || note.Length <= 500, "note", "at most 500 characters", "说明最多500字");
        errors.Require(Milestones.Count < MaxMilestones, "name", $"at most {MaxMilestones} milestones", $"节点最多{MaxMilestones}个");
        errors.ThrowIfAny();
        var milestone = new Milestone(name!.Trim(), note?.Trim(), now);
        Milestones = [.. Milestones, milestone];
        return milestone;
    }

    /// <summary>A deliverable may come while the service runs.</summary>
    public void EnsureDeliverable() => Expect(CommissionStatus.Started, "提交成果");

    /// <summary>Ends the service; it needs at least one deliverable.</summary>
    public void End(int deliverables, DateTimeOffset now)
    {
        Expect(CommissionStatus.Started, "完成服务");
        if (deliverables == 0) throw new MarketplaceRuleException("Deliver the result before ending the service.", "请先提交服务成果，再完成服务。");
        Status = CommissionStatus.Ended;
        EndedAt = now;
    }

    /// <summary>The applicant's rating (满意度 1–5), once, after the end.</summary>
    public void Rate(int? satisfaction, string? comment, DateTimeOffset now)
    {
        Expect(CommissionStatus.Ended, "评价");
        if (Satisfaction is not null) throw new MarketplaceRuleException("This commission is rated already.", "该委托已评价，不能重复评价。");
        var errors = new FieldErrors();
        errors.Require(satisfaction is { } s && SatisfactionNames.Names.ContainsKey(s), "satisfaction",
            $"must be one of {SatisfactionNames.Describe()}", $"满意度应为：{SatisfactionNames.Describe()}");
        errors.Require(comment is null || comment.Length <= 1000, "comment", "at most 1000 characters", "评价内容最多1000字");
        errors.ThrowIfAny();
        Satisfaction = satisfaction;
        RatingComment = comment?.Trim();
        RatedAt = now;
    }

    private void Expect(CommissionStatus expected, string step)
    {
        if (Status != expected)
            throw new MarketplaceRuleException($"The commission is {Status}; '{step}' needs {expected}.",
                $"委托当前为“{Status.ChineseName()}”，不能{step}（须为“{expected.ChineseName()}”）。");
    }
}

public static class CommissionStatusNames
{
    public static string ChineseName(this CommissionStatus status) => status switch
    {
        CommissionStatus.Offered => "待接受",
        CommissionStatus.Accepted => "已接受",
        CommissionStatus.Declined => "已拒绝",
        CommissionStatus.Started => "服务中",
        CommissionStatus.Ended => "已完成",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
