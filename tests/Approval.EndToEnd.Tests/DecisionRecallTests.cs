using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// 撤回 (status 14, issue 15 item 7): a department recalls its own decision within the region's grace period
/// (region.recallGraceHours, 24 in the demo pack); the stage and the application are in progress again, the certificate of a
/// recalled approval is revoked, and the department decides anew. Another department cannot; a second recall is a 409.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class DecisionRecallTests(SuiteFixture suite)
{
    private const string Permit = "320193-ZJ-SG-001";
    private readonly SuiteApi api = new(suite.Gateway);
    private readonly LicenceApi licences = new(suite.Gateway);
    private readonly Actor zjj = Actor.Department("ZJJ");

    [Fact]
    public async Task A_department_recalls_its_approval_the_certificate_is_revoked_and_the_case_is_decided_anew()
    {
        var applicant = IntakeApi.NewApplicant("撤回测试建设公司");
        var phase = await api.PhaseAsync(applicant);
        var application = (await api.ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post, "/api/intake/applications", new
        {
            projectCode = phase.ProjectCode, engineeringCode = phase.EngineeringCode, projectName = "撤回办结项目", stageNo = 3,
            itemCodes = new[] { Permit }, form = SuiteApi.SkeletonForm,
        })).GetProperty("id").GetGuid();
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{application}/accept");
        var item = await api.ItemRoutedToAsync("ZJJ", application);
        var path = $"/api/approvals/items/{item}";
        await api.ExpectAsync(HttpStatusCode.Conflict, zjj, HttpMethod.Post, $"{path}/recall", new { reason = "尚未办结" });
        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"{path}/start", new { });
        await api.ReviewPassedAsync(applicant, item);
        var concluded = await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"{path}/conclude", new { approved = true, opinion = "准予施工许可" });
        var until = concluded.GetProperty("recallableUntil").GetDateTimeOffset();
        Assert.Equal(concluded.GetProperty("concludedAt").GetDateTimeOffset().AddHours(24), until);

        var progress = await SuiteApi.PollAsync(() => api.ProgressAsync(applicant, application),
            p => p.GetProperty("licences").GetArrayLength() == 1 && Status(p) == 11, "the permit is issued and the application concluded");
        var identifier = progress.GetProperty("licences")[0].GetProperty("identifier").GetString()!;

        // Not another department's to recall; a recall names its reason.
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.Department("CGJ"), HttpMethod.Post, $"{path}/recall", new { reason = "越权撤回" });
        var noReason = await api.ExpectAsync(HttpStatusCode.BadRequest, zjj, HttpMethod.Post, $"{path}/recall", new { reason = " " });
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));

        var recalled = await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"{path}/recall", new { reason = "误将未完成消防设计审查的申请准予许可" });
        Assert.Equal((14, "撤回", "误将未完成消防设计审查的申请准予许可", JsonValueKind.Null, JsonValueKind.Null),
            (recalled.GetProperty("statusCode").GetInt32(), recalled.GetProperty("statusName").GetString(), recalled.GetProperty("recallReason").GetString(),
             recalled.GetProperty("concludedAt").ValueKind, recalled.GetProperty("recallableUntil").ValueKind));
        await api.ExpectAsync(HttpStatusCode.Conflict, zjj, HttpMethod.Post, $"{path}/recall", new { reason = "再次撤回" });

        // The stage is in progress again: the application reads 3 已受理, its timeline says why, the certificate is revoked.
        progress = await SuiteApi.PollAsync(() => api.ProgressAsync(applicant, application),
            p => Status(p) == 3 && p.GetProperty("licences")[0].GetProperty("revokedAt").ValueKind != JsonValueKind.Null,
            "the recall reaches the application and its certificate");
        Assert.Contains(progress.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("statusCode").GetInt32() == 14
            && e.GetProperty("itemCode").ValueKind == JsonValueKind.Null && e.GetProperty("opinion").GetString()!.Contains("误将未完成", StringComparison.Ordinal));
        Assert.Equal("revoked", (await licences.VerifyAsync(identifier)).GetProperty("status").GetString());
        var stage = (await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, $"/api/approvals/applications/{application}/items")).GetProperty("stage");
        Assert.Equal(JsonValueKind.Null, stage.GetProperty("concludedAt").ValueKind);

        // Decided anew: not approved this time; the stage and the application conclude 13, and no new certificate is issued.
        await api.ExpectAsync(HttpStatusCode.OK, zjj, HttpMethod.Post, $"{path}/conclude", new { approved = false, opinion = "消防设计审查未通过，不予许可" });
        progress = await SuiteApi.PollAsync(() => api.ProgressAsync(applicant, application), p => Status(p) == 13, "the new decision concludes the application");
        Assert.Single(progress.GetProperty("licences").EnumerateArray());
    }

    private static int Status(JsonElement progress) => progress.GetProperty("application").GetProperty("statusCode").GetInt32();
}
