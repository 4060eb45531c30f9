using System.Security.Claims;
using Approval.Intake.Api;
using Microsoft.AspNetCore.Authentication;

namespace Approval.UnitTests;

/// <summary>Issue 13: Intake's live progress stream is capped per account and ends when the caller's token expires.</summary>
public sealed class ProgressStreamGateTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);

    private static ClaimsPrincipal WithExp(DateTimeOffset? exp) =>
        new(new ClaimsIdentity(exp is null ? [] : [new Claim("exp", exp.Value.ToUnixTimeSeconds().ToString())], "Bearer"));

    [Fact]
    public void The_stream_may_last_until_the_tokens_exp()
    {
        Assert.Equal(TimeSpan.FromMinutes(42), ProgressStreamGate.Remaining(WithExp(Now.AddMinutes(42)), null, Now));
    }

    [Fact]
    public void An_expired_token_or_one_without_a_known_expiry_gets_no_stream_time()
    {
        Assert.Equal(TimeSpan.Zero, ProgressStreamGate.Remaining(WithExp(Now.AddSeconds(-1)), null, Now));
        Assert.Equal(TimeSpan.Zero, ProgressStreamGate.Remaining(WithExp(Now), null, Now));
        Assert.Equal(TimeSpan.Zero, ProgressStreamGate.Remaining(WithExp(null), null, Now));
    }

    [Fact]
    public void Without_an_exp_claim_the_expiry_the_handler_recorded_counts()
    {
        var properties = new AuthenticationProperties { ExpiresUtc = Now.AddMinutes(5) };
        Assert.Equal(TimeSpan.FromMinutes(5), ProgressStreamGate.Remaining(WithExp(null), properties, Now));
    }

    [Fact]
    public void At_most_the_limit_of_streams_per_account_and_a_closed_one_frees_its_place()
    {
        var gate = new ProgressStreamGate();
        var places = Enumerable.Range(0, 3).Select(_ => gate.TryEnter("alice", 3)).ToList();
        Assert.All(places, Assert.NotNull);
        Assert.Null(gate.TryEnter("alice", 3));
        Assert.NotNull(gate.TryEnter("bob", 3));

        places[0]!.Dispose();
        places[0]!.Dispose(); // twice frees one place only
        Assert.Equal(2, gate.OpenFor("alice"));
        Assert.NotNull(gate.TryEnter("alice", 3));
        Assert.Null(gate.TryEnter("alice", 3));
    }

    [Fact]
    public async Task Concurrent_openings_never_exceed_the_limit()
    {
        var gate = new ProgressStreamGate();
        var places = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => gate.TryEnter("carol", 5))));
        Assert.Equal(5, places.Count(p => p is not null));
        foreach (var p in places) p?.Dispose();
        Assert.Equal(0, gate.OpenFor("carol"));
    }
}
