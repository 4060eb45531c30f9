namespace Approval.EndToEnd.Tests;

/// <summary>
/// One catalog snapshot per case (issue 14): Intake keeps the item versions and their rules at submission, and Approvals
/// opens the case from that snapshot at 受理 — a catalog version published in between changes nothing in the case.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class CatalogSnapshotTests(SuiteFixture suite)
{
    private static readonly Actor Editor = new("editor-snapshot", "catalog-editor", Name: "目录管理员");
    private readonly SuiteApi api = new(suite.Gateway);

    private static object Definition(string name, int limit, bool milestone, bool commitment) => new
    {
        name, stageNo = 5, departmentCode = "GSGS", timeLimitWorkingDays = limit, kind = "utility", itemType = "20",
        milestone, notificationCommitment = commitment,
    };

    [Fact]
    public async Task A_version_published_between_submission_and_acceptance_does_not_reach_the_case()
    {
        var code = $"SNAP-{Guid.NewGuid():N}"[..16];
        var versions = $"/api/catalog/editor/items/{code}/versions";
        await api.ExpectAsync(HttpStatusCode.Created, Editor, HttpMethod.Post, versions, Definition("供水接入（快照）", 4, milestone: false, commitment: false));
        await api.ExpectAsync(HttpStatusCode.OK, Editor, HttpMethod.Post, $"{versions}/1/publish", new { });

        var applicant = IntakeApi.NewApplicant("快照建设有限公司");
        var phase = await api.PhaseAsync(applicant);
        var submitted = await api.ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post, "/api/intake/applications",
            new { projectCode = phase.ProjectCode, engineeringCode = phase.EngineeringCode, projectName = "快照项目", stageNo = 5, itemCodes = new[] { code }, form = new { } });
        var id = submitted.GetProperty("id").GetGuid();

        // Version 2, in force from today, changes the limit and both rules before the window accepts.
        await api.ExpectAsync(HttpStatusCode.Created, Editor, HttpMethod.Post, versions, Definition("供水接入（快照）v2", 9, milestone: true, commitment: true));
        await api.ExpectAsync(HttpStatusCode.OK, Editor, HttpMethod.Post, $"{versions}/2/publish", new { });
        var inForce = await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Get, $"/api/catalog/items/{code}");
        Assert.Equal(2, inForce.GetProperty("item").GetProperty("version").GetInt32());

        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        var routed = await api.ItemRoutedToAsync("GSGS", id);
        var view = await SuiteApi.PollAsync(() => api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, $"/api/approvals/applications/{id}/items"),
            v => v.GetProperty("items").GetArrayLength() == 1, "the case's item instance");
        var item = view.GetProperty("items")[0];
        Assert.Equal(routed, item.GetProperty("id").GetGuid());
        Assert.Equal((4, false, false), (item.GetProperty("timeLimitWorkingDays").GetInt32(),
            item.GetProperty("milestone").GetBoolean(), item.GetProperty("notificationCommitment").GetBoolean()));
    }
}
