using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Approval.Contracts.Errors;
using Approval.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Approval.Messaging.Systems;

/// <summary>
/// Idempotency-Key for organisations' systems (R-7.12; departments, review agencies, utilities): the first successful
/// result is stored with the key, in the same transaction as its effect (the service's own database, table
/// idempotency_keys); a replay with the same key and request answers that result again with no second effect; the same
/// key with another request answers 422. A refused call stores nothing, so it can be retried with its key.
/// Department systems' inbound API calls <see cref="RunAsync{TRequest,TResult}"/>; other endpoints accept the header
/// through <see cref="IdempotencyFilter"/> (<c>.AcceptsIdempotencyKey()</c>).
/// </summary>
public sealed class Idempotency(DbContext db, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<IResult> RunAsync<TRequest, TResult>(HttpContext http, TRequest request, Func<Task<TResult>> action) =>
        RunAsync(http, Fingerprint(request), async () => (StatusCodes.Status200OK, JsonSerializer.Serialize(await action(), Json)));

    /// <summary>
    /// Runs <paramref name="action"/> (which answers its status and JSON body) once per client and key: the header is
    /// required here; <paramref name="hash"/> is the request's fingerprint.
    /// </summary>
    public async Task<IResult> RunAsync(HttpContext http, string hash, Func<Task<(int Status, string Body)>> action)
    {
        var key = http.Request.Headers[Header].ToString().Trim();
        if (key.Length is 0 or > 200)
            throw ValidationException.For(Header, "the header is required (1–200 characters), one per intended change", "必须提供Idempotency-Key请求头（1至200个字符）");
        var client = http.User.UserId();
        var what = $"{http.Request.Method} {http.Request.Path}";
        var ct = http.RequestAborted;
        if (await FindAsync(client, key, ct) is { } first) return Replay(first, what, hash, http);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        string body;
        int status;
        try
        {
            (status, body) = await action();
            db.Set<IdempotencyRecord>().Add(new IdempotencyRecord
            {
                Client = client, Key = key, Request = what, RequestHash = hash, StatusCode = status, ResponseBody = body,
                CreatedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or DomainException)
        {
            // A unique key violation, the item changed under us (xmin), or its state moved on: when that was the same key
            // racing in concurrently, undo this call's effect and answer the winner's result; otherwise it is a real error.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await FindAsync(client, key, ct) is { } winner) return Replay(winner, what, hash, http);
            throw;
        }
        return Results.Text(body, "application/json", Encoding.UTF8, status);
    }

    /// <summary>SHA-256 of the request as bound (so spacing and property order of the JSON do not matter).</summary>
    public static string Fingerprint<TRequest>(TRequest request) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, Json))));

    /// <summary>SHA-256 of several bound values (an endpoint's body parameters, in order).</summary>
    public static string Fingerprint(IEnumerable<object?> values) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', values.Select(v => v is null ? "null" : JsonSerializer.Serialize(v, v.GetType(), Json))))));

    /// <summary>What a call with a known key gets: the first result again, or a refusal when the request differs.</summary>
    public static IdempotentAnswer Decide(IdempotencyRecord? first, string request, string hash) =>
        first is null ? IdempotentAnswer.Execute
            : first.Request == request && first.RequestHash == hash ? IdempotentAnswer.Replay
            : IdempotentAnswer.KeyReused;

    private Task<IdempotencyRecord?> FindAsync(string client, string key, CancellationToken ct) =>
        db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Client == client && r.Key == key, ct);

    private static IResult Replay(IdempotencyRecord first, string what, string hash, HttpContext http)
    {
        if (Decide(first, what, hash) == IdempotentAnswer.KeyReused)
            throw new RequestRefusedException(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused / Idempotency-Key 已用于另一请求",
                $"The key '{first.Key}' was first used for another request ({first.Request}); use a new key for a new change.",
                $"该Idempotency-Key已用于另一请求（{first.Request}），新的操作请使用新的键。");
        http.Response.Headers["Idempotent-Replayed"] = "true";
        return Results.Text(first.ResponseBody, "application/json", Encoding.UTF8, first.StatusCode);
    }
}

public enum IdempotentAnswer
{
    Execute,
    Replay,
    KeyReused,
}
