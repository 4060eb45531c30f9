using Approval.Catalog.Api;
using Approval.Catalog.Domain;

namespace Approval.UnitTests;

public sealed class ItemSearchTests
{
    private static readonly ItemDefinition Permit = new("320193-ZJ-SG-001", "建筑工程施工许可证核发", 3, "ZJJ", 5,
        new LicenceSpec("T", "建筑工程施工许可证"), LegalBasis: "《中华人民共和国建筑法》");

    [Theory]
    [InlineData("施工许可")]
    [InlineData("住房 施工")]
    [InlineData("建筑法")]
    [InlineData("zj-sg")]
    public void Every_term_must_occur_in_code_name_department_basis_or_licence(string query) =>
        Assert.True(ItemSearch.Matches(Permit, "示范区住房和城乡建设局", query));

    [Theory]
    [InlineData("施工 垃圾")]
    [InlineData("消防")]
    public void A_term_found_nowhere_excludes_the_item(string query) =>
        Assert.False(ItemSearch.Matches(Permit, "示范区住房和城乡建设局", query));

    [Fact]
    public void The_region_day_is_the_china_standard_time_date()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 25, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 11, 26), RegionDay.Today(clock));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
