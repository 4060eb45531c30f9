using Approval.Intake.Api;

namespace Approval.UnitTests;

public sealed class ProjectCodeTests
{
    [Theory]
    [InlineData("2509-320193-89-01-544060", "320193")]
    [InlineData("2509-320193-89-01-544060", "320100")]
    [InlineData("2412-320101-04-01-000001", "320100")]
    public void A_well_formed_code_of_the_region_is_accepted(string code, string region) =>
        Assert.Null(ProjectCode.Problem(code, region));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2509-320193-89-01-54406")]
    [InlineData("2509320193-89-01-5440601")]
    [InlineData("2509-32019A-89-01-544060")]
    public void A_malformed_code_names_the_pattern(string? code) =>
        Assert.Contains("NNNN-NNNNNN-NN-NN-NNNNNN", ProjectCode.Problem(code, "320193"));

    [Fact]
    public void A_code_of_another_region_is_rejected() =>
        Assert.Contains("region", ProjectCode.Problem("2509-110101-89-01-544060", "320193"));
}
