using Approval.Calendar;

namespace Approval.Approvals.Domain;

/// <summary>One special procedure of an item instance: 特别程序（开始） to 特别程序（结束）; the clock pauses meanwhile.</summary>
public sealed class SpecialProcedure
{
    public Guid Id { get; init; }
    public Guid ItemInstanceId { get; init; }
    public SpecialProcedureType Type { get; init; }
    public required string Reason { get; init; }
    public int PlannedWorkingDays { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; private set; }
    public string? Result { get; private set; }

    /// <summary>The pause it puts on its item's clock and on every clock containing the item (stage, project).</summary>
    public Pause Pause() => new(StartedAt, EndedAt, Type.ChineseName());

    public void End(string result, DateTimeOffset now)
    {
        EndedAt = now;
        Result = result;
    }
}
