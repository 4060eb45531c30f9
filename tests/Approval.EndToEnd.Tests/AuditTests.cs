using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>The append-only audit log: refusals, state changes, sign-ins and token issues, read by supervisors.</summary>
[Collection(SuiteCollection.Name)]
public sealed class AuditTests(SuiteFixture suite)
{
    private static readonly Actor Supervisor = new("supervisor-e2e", "supervisor", Name: "监察科赵六");
    private readonly SuiteApi api = new(suite.Gateway);

    private async Task<List<JsonElement>> AuditAsync(string service, string objectId) =>
        (await api.ExpectAsync(HttpStatusCode.OK, Supervisor, HttpMethod.Get, $"/api/{service}/audit?objectId={Uri.EscapeDataString(objectId)}&take=500"))
        .EnumerateArray().ToList();

    private static int Count(List<JsonElement> records, string action, Func<JsonElement, bool>? also = null) =>
        records.Count(r => r.GetProperty("action").GetString() == action && (also?.Invoke(r) ?? true));

    [Fact]
    public async Task A_refused_access_and_a_state_change_each_leave_exactly_one_audit_record()
    {
        var id = await api.SubmitAsync(Actor.Applicant, "审计的项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.OtherApplicant, HttpMethod.Get, $"/api/intake/applications/{id}/progress");

        var records = await AuditAsync("intake", id.ToString());
        Assert.Equal(1, Count(records, "access-denied", r => r.GetProperty("actorName").GetString() == "另一建设公司"));
        Assert.Equal(1, Count(records, "state-change", r => r.GetProperty("outcome").GetString() == "3 已受理"));
        Assert.Equal(1, Count(records, "state-change", r => r.GetProperty("outcome").GetString() == "1 已接件"));
        var accepted = records.Single(r => r.GetProperty("outcome").GetString() == "3 已受理");
        Assert.Equal(("综合窗口王五", "320193"), (accepted.GetProperty("actorName").GetString(), accepted.GetProperty("region").GetString()));
        Assert.Equal(32, accepted.GetProperty("traceId").GetString()!.Length);

        var item = await api.ItemRoutedToAsync("ZJJ", id);
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.Department("CGJ"), HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("ZJJ"), HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
        var itemRecords = await AuditAsync("approvals", item.ToString());
        Assert.Equal(1, Count(itemRecords, "access-denied", r => r.GetProperty("organisation").GetString() == "CGJ"));
        Assert.Equal(1, Count(itemRecords, "state-change", r => r.GetProperty("outcome").GetString()!.StartsWith("8 部门开始办理")));
    }

    [Fact]
    public async Task Sign_in_failed_sign_in_and_token_issue_are_audited_by_the_identity_service()
    {
        var actor = new Actor(Accounts.NewUserName("audited"), "applicant", Name: "审计申请人");
        var token = await ActorTokens.ForAsync(actor);
        var subject = new OidcTokens(token, null, null).Claims().GetProperty("sub").GetString()!;
        using var wrong = await suite.Gateway.PostAsJsonAsync("/api/identity/login", new { userName = actor.User, password = "Wrong#2026pass" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        var records = await AuditAsync("identity", subject);
        Assert.Equal(1, Count(records, "sign-in-failed"));
        Assert.Equal(1, Count(records, "sign-in"));
        Assert.Equal(1, Count(records, "token-issued", r => r.GetProperty("outcome").GetString() == "authorization_code for approval-portal"));
    }

    [Fact]
    public async Task Only_supervisors_and_region_admins_read_the_audit_log_and_a_role_refusal_is_itself_audited()
    {
        await api.ExpectAsync(HttpStatusCode.Forbidden, Actor.Applicant, HttpMethod.Get, "/api/intake/audit");
        var records = await AuditAsync("intake", "GET /api/intake/audit");
        Assert.Contains(records, r => r.GetProperty("action").GetString() == "access-denied" && r.GetProperty("actorName").GetString() == "示范建设有限公司");
        using var delete = await suite.Gateway.SendAsync(Supervisor.Request(HttpMethod.Delete, "/api/intake/audit"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
    }
}
