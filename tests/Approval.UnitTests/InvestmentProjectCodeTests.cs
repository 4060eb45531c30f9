using Approval.Contracts.Codes;

namespace Approval.UnitTests;

public sealed class InvestmentProjectCodeTests
{
    [Theory]
    [InlineData("2509-320193-89-01-544060", "320193")]
    [InlineData("2509-320193-89-01-544060", "320100")]
    [InlineData("2509-320193-89-01-544060", "320000")]
    [InlineData("2412-320101-04-01-000001", "320100")]
    public void A_well_formed_code_whose_region_segment_lies_in_the_region_is_accepted(string code, string region) =>
        Assert.Null(InvestmentProjectCode.Problem(code, region));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2509-320193-89-01-54406")]
    [InlineData("2509-320193-89-01-5440600")]
    [InlineData("2509320193-89-01-5440601")]
    [InlineData("2509-32019A-89-01-544060")]
    [InlineData("2509_320193_89_01_544060")]
    [InlineData(" 2509-320193-89-01-544060")]
    public void A_malformed_code_names_the_pattern_in_both_languages(string? code)
    {
        var problem = InvestmentProjectCode.Problem(code, "320193");
        Assert.Contains("NNNN-NNNNNN-NN-NN-NNNNNN", problem);
        Assert.Contains("项目代码格式", problem);
    }

    [Theory]
    [InlineData("2509-110101-89-01-544060", "320193")]
    [InlineData("2509-320100-89-01-544060", "320193")]
    [InlineData("2509-320201-89-01-544060", "320100")]
    public void A_code_whose_region_segment_lies_outside_the_region_is_rejected_naming_the_segment(string code, string region)
    {
        var problem = InvestmentProjectCode.Problem(code, region);
        Assert.Contains($"region segment {code.Substring(5, 6)}", problem);
        Assert.Contains("区划段", problem);
    }

    [Theory]
    [InlineData("320193", "320193", true)]
    [InlineData("320193", "320100", true)]
    [InlineData("320201", "320100", false)]
    [InlineData("32019", "320193", false)]
    [InlineData("32019X", "320100", false)]
    public void A_division_code_is_in_a_region_by_its_GB_T_2260_prefix(string division, string region, bool inside) =>
        Assert.Equal(inside, InvestmentProjectCode.InRegion(division, region));
}
