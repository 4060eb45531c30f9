namespace Approval.Approvals.Domain;

/// <summary>
/// 会商 / 征求意见 (R-7.8): a department of a stage instance asks chosen departments for their opinions;
/// each answers once; the department that opened it records the coordinated conclusion, which closes it.
/// </summary>
public sealed class Consultation
{
    public Guid Id { get; init; }
    public Guid StageInstanceId { get; init; }
    public required string OpenedBy { get; init; }
    public required string Topic { get; init; }
    public required List<string> InvitedDepartments { get; init; }
    public List<ConsultationAnswer> Answers { get; init; } = [];
    public string? Conclusion { get; private set; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? ConcludedAt { get; private set; }
    public uint Version { get; private set; }

    public static Consultation Open(Guid stageInstanceId, string openedBy, string? topic, IReadOnlyCollection<string>? invited,
        IReadOnlySet<string> stageDepartments, DateTimeOffset now)
    {
        var departments = (invited ?? []).Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()).Distinct().ToList();
        var strangers = departments.Where(d => !stageDepartments.Contains(d)).ToList();
        new FieldErrors()
            .Require(!string.IsNullOrWhiteSpace(topic), "topic", "is required", "必须填写会商事项")
            .Require(departments.Count > 0 && !departments.Contains(openedBy), "departments",
                "invite at least one other department", "至少邀请一个其他部门")
            .Require(strangers.Count == 0, "departments", $"not departments of this stage: {string.Join(", ", strangers)}",
                $"不是本阶段的审批部门：{string.Join("、", strangers)}")
            .ThrowIfAny();
        return new Consultation
        {
            Id = Guid.CreateVersion7(now), StageInstanceId = stageInstanceId, OpenedBy = openedBy, Topic = topic!.Trim(),
            InvitedDepartments = departments, OpenedAt = now,
        };
    }

    public void Answer(string department, string? opinion, DateTimeOffset now)
    {
        if (!InvitedDepartments.Contains(department)) throw new NotFoundException("Consultation 会商", Id.ToString());
        if (ConcludedAt is not null) throw new ConsultationClosedException(Id);
        if (Answers.Any(a => a.Department == department)) throw new ConsultationAlreadyAnsweredException(Id, department);
        if (string.IsNullOrWhiteSpace(opinion)) throw ValidationException.For("opinion", "is required", "必须填写意见");
        Answers.Add(new ConsultationAnswer(department, opinion.Trim(), now));
    }

    public void Conclude(string department, string? conclusion, DateTimeOffset now)
    {
        if (department != OpenedBy) throw new NotFoundException("Consultation 会商", Id.ToString());
        if (ConcludedAt is not null) throw new ConsultationClosedException(Id);
        if (string.IsNullOrWhiteSpace(conclusion)) throw ValidationException.For("conclusion", "is required", "必须填写会商结论");
        Conclusion = conclusion.Trim();
        ConcludedAt = now;
    }
}

/// <summary>One department's opinion in a consultation.</summary>
public sealed record ConsultationAnswer(string Department, string Opinion, DateTimeOffset At);

public sealed class ConsultationClosedException(Guid id)
    : DomainException($"Consultation {id} is concluded.", "该会商已形成结论，不能再变更。");

public sealed class ConsultationAlreadyAnsweredException(Guid id, string department)
    : DomainException($"Department {department} has already answered consultation {id}.", $"部门{department}已答复该会商。");
