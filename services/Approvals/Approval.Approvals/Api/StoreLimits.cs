namespace Approval.Approvals.Api;

/// <summary>
/// How much a user can add to Approvals (issue 13): request bodies are bounded by <c>Approval:RequestLimits:BodyKilobytes</c>
/// (413), texts by their field limits (400), and the stores that grow by repetition by these counts (409).
/// </summary>
public static class StoreLimits
{
    /// <summary>Timeline lines (key steps, notes, transitions) of one item instance.</summary>
    public const int StepsPerItem = 200;

    /// <summary>Consultations (会商) opened on one stage instance.</summary>
    public const int ConsultationsPerStage = 50;

    public static LimitReachedException StepsFull() => new(
        $"An item instance may have at most {StepsPerItem} process steps.", $"每个事项实例最多记录{StepsPerItem}条办理环节。");

    public static LimitReachedException ConsultationsFull() => new(
        $"A stage may have at most {ConsultationsPerStage} consultations.", $"每个阶段最多发起{ConsultationsPerStage}次会商。");
}

/// <summary>A store is full (409); the message names the limit.</summary>
public sealed class LimitReachedException(string message, string chineseMessage) : DomainException(message, chineseMessage);
