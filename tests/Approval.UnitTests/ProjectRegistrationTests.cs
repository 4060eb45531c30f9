using Approval.Contracts.Errors;
using Approval.Projects.Domain;

namespace Approval.UnitTests;

public sealed class ProjectRegistrationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static ProjectRegistration Valid(string code = "2509-320193-89-01-544060") =>
        new(code, "示范区科创园", "示范区科创大道1号", "320193", 120.585316m, 31.298886m, 52000m, 3, 1);

    [Fact]
    public void A_valid_registration_makes_a_project_owned_by_the_applicant_without_engineering_codes()
    {
        var project = Project.Register(Valid(), "320193", "user-1", "示范建设有限公司", Now);
        Assert.Equal(("2509-320193-89-01-544060", "320193", "user-1", "示范建设有限公司", 0), (project.Code, project.RegionCode, project.OwnerId, project.OwnerName, project.LastPhaseNo));
    }

    [Fact]
    public void A_code_of_another_region_is_a_400_on_projectCode_naming_the_region_rule()
    {
        var error = Assert.Throws<ValidationException>(() => Project.Register(Valid("2509-110101-89-01-544060"), "320193", "u", "n", Now));
        Assert.Equal(["projectCode"], error.Errors.Keys);
        Assert.Contains("区划段", error.Errors["projectCode"][0]);
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var bad = new ProjectRegistration("25-320193", " ", null, "110101", 200m, -91m, 0m, 7, 8);
        var error = Assert.Throws<ValidationException>(() => Project.Register(bad, "320193", "u", "n", Now));
        Assert.Equal(
            new[] { "address", "constructionNature", "divisionCode", "latitude", "longitude", "name", "projectCode", "projectType", "totalInvestment" },
            error.Errors.Keys.Order().ToArray());
        Assert.All(error.Errors.Values, messages => Assert.Contains(" / ", messages[0]));
    }

    [Theory]
    [InlineData(72.99, 31.0)]
    [InlineData(136.01, 31.0)]
    [InlineData(120.0, 2.99)]
    [InlineData(120.0, 54.01)]
    public void Coordinates_outside_China_are_rejected(double longitude, double latitude)
    {
        var r = Valid() with { Longitude = (decimal)longitude, Latitude = (decimal)latitude };
        var error = Assert.Throws<ValidationException>(() => Project.Register(r, "320193", "u", "n", Now));
        Assert.Single(error.Errors.Keys, k => k is "longitude" or "latitude");
    }
}
