using Approval.Marketplace.Domain;

namespace Approval.UnitTests;

/// <summary>The random draw (随机抽取) is a pure function of its record: the same seed and list give the same agency, always.</summary>
public sealed class MarketplaceDrawTests
{
    private static readonly string[] Candidates = ["a1", "b2", "c3", "d4", "e5"];

    [Fact]
    public void The_same_seed_and_list_give_the_same_agency_every_time()
    {
        var first = Draw.Pick("3f2a9c", Candidates);
        for (var i = 0; i < 50; i++) Assert.Equal(first, Draw.Pick("3f2a9c", [.. Candidates]));
    }

    [Fact]
    public void The_pick_is_the_sha256_of_seed_and_list_modulo_the_count()
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("seed-1|a1,b2,c3,d4,e5"));
        var expected = Candidates[(int)(new System.Numerics.BigInteger(hash, isUnsigned: true, isBigEndian: true) % 5)];
        Assert.Equal(expected, Draw.Pick("seed-1", Candidates));
    }

    [Fact]
    public void Different_seeds_reach_every_candidate_and_the_list_order_matters()
    {
        var picks = Enumerable.Range(0, 200).Select(i => Draw.Pick($"seed-{i}", Candidates)).ToHashSet();
        Assert.Equal(Candidates.ToHashSet(), picks);
        var seeds = Enumerable.Range(0, 50).Select(i => $"s{i}");
        Assert.Contains(seeds, s => Draw.Pick(s, Candidates) != Draw.Pick(s, Candidates.Reverse().ToArray()));
    }

    [Fact]
    public void A_fresh_seed_is_128_random_bits_in_hex()
    {
        var seed = Draw.NewSeed();
        Assert.Matches("^[0-9a-f]{32}$", seed);
        Assert.NotEqual(seed, Draw.NewSeed());
    }

    [Fact]
    public void A_draw_records_its_seed_and_ordered_candidates_and_reruns_to_the_same_agency()
    {
        var now = DateTimeOffset.Parse("2026-10-12T10:00:00+08:00");
        var s = Selection.Create(SelectionMethod.RandomDraw, "320193", "u1", "申请人", "P", "P-001", ServiceTypes.Find("feasibility-report")!, now);
        s.DrawAmong(["c3", "a1", "b2"], ["过期机构: expired"], "abc", now);
        Assert.Equal(["a1", "b2", "c3"], s.Candidates);
        Assert.Equal(Draw.Pick("abc", ["a1", "b2", "c3"]), s.ChosenAgencyId);
        Assert.Equal(s.ChosenAgencyId, s.Rerun());
        Assert.Equal(["过期机构: expired"], s.Excluded);
    }

    [Fact]
    public void A_draw_without_a_qualified_candidate_is_refused_with_the_reasons()
    {
        var now = DateTimeOffset.Parse("2026-10-12T10:00:00+08:00");
        var s = Selection.Create(SelectionMethod.RandomDraw, "320193", "u1", "申请人", "P", "P-001", ServiceTypes.Find("feasibility-report")!, now);
        var refused = Assert.Throws<MarketplaceRuleException>(() => s.DrawAmong([], ["甲: expired", "乙: suspended"], "abc", now));
        Assert.Contains("甲: expired", refused.Message);
        Assert.Contains("没有符合条件", refused.ChineseMessage);
        Assert.Null(s.ChosenAgencyId);
    }
}
