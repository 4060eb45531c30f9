namespace Approval.Messaging.Systems;

/// <summary>
/// The first result of an organisation system's call with an Idempotency-Key: a replay with the same key gets
/// it back with no second effect; the same key for a different request is refused. Unique per client and key.
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; init; }
    public required string Client { get; init; }
    public required string Key { get; init; }
    /// <summary>Method and path of the first call, and the SHA-256 of its body as bound.</summary>
    public required string Request { get; init; }
    public required string RequestHash { get; init; }
    public int StatusCode { get; init; }
    public required string ResponseBody { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
