namespace Approval.Portal.Clients;

/// <summary>Supervision's 好差评 (docs/supervision.md "好差评"): rating, the unit's call-back task, the supervisor's appeal decision.</summary>
public sealed partial class SupervisionClient
{
    private const string Ratings = "/api/supervision/ratings";

    public Task<List<RatableMatter>> MineAsync(CancellationToken ct = default) => GetAsync<List<RatableMatter>>($"{Ratings}/mine", ct);

    public Task<RatingView> RateAsync(string kind, Guid subjectId, int level, string? comment, CancellationToken ct = default) =>
        SendAsync<RatingView>(HttpMethod.Post, Ratings, new { kind, subjectId, level, comment }, ct);

    public Task<RatingView> RateVisitAsync(Guid applicationId, int level, string? comment, CancellationToken ct = default) =>
        SendAsync<RatingView>(HttpMethod.Post, $"{Ratings}/counter", new { applicationId, level, comment }, ct);

    public Task<List<RatingView>> TasksAsync(bool all, CancellationToken ct = default) =>
        GetAsync<List<RatingView>>($"{Ratings}/tasks?state={(all ? "all" : "open")}", ct);

    /// <summary>One step of the call-back task: call-back, rectification, answer or appeal, with its fields.</summary>
    public Task<RatingView> StepAsync(Guid id, string step, object body, CancellationToken ct = default) =>
        SendAsync<RatingView>(HttpMethod.Post, $"{Ratings}/{id}/{step}", body, ct);

    public Task<List<RatingView>> AppealsAsync(CancellationToken ct = default) => GetAsync<List<RatingView>>($"{Ratings}/appeals", ct);

    public Task<RatingView> DecideAsync(Guid id, bool upheld, string note, CancellationToken ct = default) =>
        SendAsync<RatingView>(HttpMethod.Post, $"{Ratings}/{id}/appeal/decision", new { upheld, note }, ct);

    public Task<List<RatingStatisticsRow>> StatisticsAsync(CancellationToken ct = default) =>
        GetAsync<List<RatingStatisticsRow>>($"{Ratings}/statistics", ct);

    /// <summary>满意度 (DOMAIN.md): 1 非常满意 … 5 非常不满意.</summary>
    public static IReadOnlyList<(int Code, string Name)> Levels => MarketSatisfaction.Levels;
}

public sealed record RatingView(
    Guid Id, string Kind, Guid SubjectId, string? ProjectCode, string SubjectName, string UnitCode, string UnitName, string Channel,
    int Level, string LevelName, string? Comment, DateTimeOffset RatedAt, string? RaterId, string TaskState, string TaskStateName,
    string? CallBackNote, bool? Verified, DateTimeOffset? CalledBackAt, string? RectificationMeasures, DateOnly? RectificationDeadline,
    string? RectificationResult, DateTimeOffset? RectifiedAt, DateTimeOffset? EscalatedAt, string? Answer, DateTimeOffset? AnsweredAt,
    string? AppealReason, DateTimeOffset? AppealedAt, bool? AppealUpheld, string? AppealDecisionNote, DateTimeOffset? AppealDecidedAt, bool Counts);

public sealed record RatableMatter(string Kind, Guid SubjectId, string? ProjectCode, string Name, string UnitName, DateTimeOffset ConcludedAt, RatingView? Rating)
{
    public string KindName => Kind switch
    {
        "item" => "审批事项", "review" => "技术审查", "utility" => "水电气报装", "intermediary" => "中介服务", _ => "窗口办理",
    };
}

public sealed record RatingStatisticsRow(string UnitCode, string UnitName, int Ratings, double AverageLevel, int Bad, int Open, int Escalated, int AppealsUpheld);
