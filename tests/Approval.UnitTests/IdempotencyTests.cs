using Approval.Approvals.Api;
using Approval.Messaging.Systems;

namespace Approval.UnitTests;

/// <summary>R-7.12 inbound calls: the same key and request replays the first result; the same key for another request is refused.</summary>
public sealed class IdempotencyTests
{
    private static IdempotencyRecord First(string request, string hash) => new()
    {
        Client = "dept-ZJJ-system", Key = "k-1", Request = request, RequestHash = hash, StatusCode = 200, ResponseBody = "{}",
    };

    [Fact]
    public void A_new_key_executes_and_a_replay_of_the_same_request_answers_the_first_result()
    {
        var hash = Idempotency.Fingerprint(new ConcludeRequest(true, "准予许可"));
        Assert.Equal(IdempotentAnswer.Execute, Idempotency.Decide(null, "POST /x/conclude", hash));
        Assert.Equal(IdempotentAnswer.Replay, Idempotency.Decide(First("POST /x/conclude", hash), "POST /x/conclude", Idempotency.Fingerprint(new ConcludeRequest(true, "准予许可"))));
    }

    [Fact]
    public void The_same_key_with_another_body_or_another_path_is_refused()
    {
        var first = First("POST /x/conclude", Idempotency.Fingerprint(new ConcludeRequest(true, "准予许可")));
        Assert.Equal(IdempotentAnswer.KeyReused, Idempotency.Decide(first, "POST /x/conclude", Idempotency.Fingerprint(new ConcludeRequest(false, "准予许可"))));
        Assert.Equal(IdempotentAnswer.KeyReused, Idempotency.Decide(first, "POST /y/conclude", first.RequestHash));
    }
}
