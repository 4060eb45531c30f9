using Approval.Contracts.Errors;
using Approval.Projects.Domain;

namespace Approval.UnitTests;

public sealed class EngineeringCodeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static Project NewProject() => Project.Register(
        new ProjectRegistration("2509-320193-89-01-544060", new("示范区科创园", "示范区科创大道1号", "320193", 120.5m, 31.3m, 52000m, 3, 1)),
        "320193", "user-1", "示范建设有限公司", Now);

    [Fact]
    public void The_code_is_the_project_code_and_a_three_digit_phase_number()
    {
        Assert.Equal("2509-320193-89-01-544060-001", EngineeringCodes.Format("2509-320193-89-01-544060", 1));
        Assert.Equal("2509-320193-89-01-544060-999", EngineeringCodes.Format("2509-320193-89-01-544060", 999));
        Assert.Throws<ArgumentOutOfRangeException>(() => EngineeringCodes.Format("2509-320193-89-01-544060", 1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => EngineeringCodes.Format("2509-320193-89-01-544060", 0));
    }

    [Fact]
    public void Each_phase_links_to_the_previous_phase_and_the_first_to_none()
    {
        var project = NewProject();
        var issued = new List<Engineering>();
        foreach (var name in new[] { "一期", "二期", "三期" }) issued.Add(project.IssueEngineeringCode(name, null, issued, Now));

        Assert.Equal(["2509-320193-89-01-544060-001", "2509-320193-89-01-544060-002", "2509-320193-89-01-544060-003"], issued.Select(e => e.Code));
        Assert.Equal([null, "2509-320193-89-01-544060-001", "2509-320193-89-01-544060-002"], issued.Select(e => e.PreviousCode));
        Assert.Equal([1, 2, 3], issued.Select(e => e.PhaseNo));
        Assert.Equal(3, project.LastPhaseNo);
    }

    [Fact]
    public void A_batch_may_link_to_an_earlier_phase_of_the_same_project_only()
    {
        var project = NewProject();
        var issued = new List<Engineering> { project.IssueEngineeringCode("一期", null, [], Now) };
        issued.Add(project.IssueEngineeringCode("二期", null, issued, Now));

        var batch = project.IssueEngineeringCode("一期第二批", issued[0].Code, issued, Now);
        Assert.Equal(("2509-320193-89-01-544060-003", "2509-320193-89-01-544060-001"), (batch.Code, batch.PreviousCode));

        var error = Assert.Throws<ValidationException>(() => project.IssueEngineeringCode("乱链", "2509-320193-89-01-999999-001", issued, Now));
        Assert.Equal(["previousEngineeringCode"], error.Errors.Keys);
        Assert.Equal(3, project.LastPhaseNo);
    }

    [Fact]
    public void A_phase_needs_a_name()
    {
        var error = Assert.Throws<ValidationException>(() => NewProject().IssueEngineeringCode("  ", null, [], Now));
        Assert.Equal(["name"], error.Errors.Keys);
    }

    [Fact]
    public void After_phase_999_no_code_is_made()
    {
        var project = NewProject();
        for (var i = 0; i < EngineeringCodes.MaxPhase; i++) project.IssueEngineeringCode($"第{i + 1}批", null, [], Now);
        var error = Assert.Throws<ProjectRuleException>(() => project.IssueEngineeringCode("多余", null, [], Now));
        Assert.Contains("999", error.Message);
    }
}
