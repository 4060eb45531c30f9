using Approval.Contracts.Errors;
using Approval.Projects.Domain;

namespace Approval.UnitTests;

public sealed class ProjectRegistrationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static readonly ProjectDetails Details =
        new("示范区科创园", "示范区科创大道1号", "320193", 120.585316m, 31.298886m, 52000m, 3, 1, new(2027, 3, 1), new(2029, 6, 30));

    private static ProjectRegistration Valid(string code = "2509-320193-89-01-544060") => new(code, Details);

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
        var bad = new ProjectRegistration("25-320193", new(" ", null, "110101", 200m, -91m, 0m, 7, 8, new(1999, 12, 31), new(2101, 1, 1)));
        var error = Assert.Throws<ValidationException>(() => Project.Register(bad, "320193", "u", "n", Now));
        Assert.Equal(
            new[] { "address", "constructionNature", "divisionCode", "latitude", "longitude", "name", "plannedEnd", "plannedStart", "projectCode", "projectType", "totalInvestment" },
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
        var r = Valid() with { Details = Details with { Longitude = (decimal)longitude, Latitude = (decimal)latitude } };
        var error = Assert.Throws<ValidationException>(() => Project.Register(r, "320193", "u", "n", Now));
        Assert.Single(error.Errors.Keys, k => k is "longitude" or "latitude");
    }

    [Fact]
    public void Planned_dates_are_kept_and_may_both_be_left_out()
    {
        var project = Project.Register(Valid(), "320193", "u", "n", Now);
        Assert.Equal((new DateOnly(2027, 3, 1), new DateOnly(2029, 6, 30)), (project.PlannedStart!.Value, project.PlannedEnd!.Value));
        var without = Project.Register(Valid() with { Details = Details with { PlannedStart = null, PlannedEnd = null } }, "320193", "u", "n", Now);
        Assert.Equal((null, null), (without.PlannedStart, without.PlannedEnd));
    }

    [Theory]
    [InlineData("2027-03-01", null, "plannedEnd")]
    [InlineData(null, "2029-06-30", "plannedStart")]
    public void One_planned_date_without_the_other_is_a_400_asking_for_both(string? start, string? end, string field)
    {
        var r = Valid() with { Details = Details with { PlannedStart = Date(start), PlannedEnd = Date(end) } };
        var error = Assert.Throws<ValidationException>(() => Project.Register(r, "320193", "u", "n", Now));
        Assert.Equal([field], error.Errors.Keys);
        Assert.Contains("拟开工时间与拟建成时间应同时填写", error.Errors[field][0]);
    }

    [Theory]
    [InlineData("2029-06-30", "2027-03-01")]
    [InlineData("2027-03-01", "2027-03-01")]
    public void A_planned_end_not_after_the_start_is_a_400_on_plannedEnd(string start, string end)
    {
        var r = Valid() with { Details = Details with { PlannedStart = Date(start), PlannedEnd = Date(end) } };
        var error = Assert.Throws<ValidationException>(() => Project.Register(r, "320193", "u", "n", Now));
        Assert.Equal(["plannedEnd"], error.Errors.Keys);
        Assert.Contains("拟开工时间应早于拟建成时间", error.Errors["plannedEnd"][0]);
    }

    [Fact]
    public void A_correction_replaces_the_basic_information_and_keeps_the_code_and_owner()
    {
        var project = Project.Register(Valid(), "320193", "user-1", "示范建设有限公司", Now);
        project.Correct(Details with { Name = " 示范区科创园（一期） ", TotalInvestment = 60000m, PlannedEnd = new(2030, 1, 31) });
        Assert.Equal(("示范区科创园（一期）", 60000m, new DateOnly(2030, 1, 31), "2509-320193-89-01-544060", "user-1"),
            (project.Name, project.TotalInvestment, project.PlannedEnd!.Value, project.Code, project.OwnerId));
    }

    [Fact]
    public void A_bad_correction_is_checked_like_a_registration_and_changes_nothing()
    {
        var project = Project.Register(Valid(), "320193", "u", "n", Now);
        var error = Assert.Throws<ValidationException>(() => project.Correct(
            Details with { DivisionCode = "110101", PlannedStart = new(2030, 1, 1), PlannedEnd = new(2029, 1, 1) }));
        Assert.Equal(["divisionCode", "plannedEnd"], error.Errors.Keys.Order());
        Assert.Equal(("320193", new DateOnly(2027, 3, 1)), (project.DivisionCode, project.PlannedStart!.Value));
    }

    private static DateOnly? Date(string? value) => value is null ? null : DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
