using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// The steps before a department system may issue a certificate (issue 13): an accepted application whose item is routed
/// to the department and concluded approved, a seal the region admin provisioned, and the issue itself once the
/// conclusion has reached the licence library (an event: until then the answer is 409).
/// </summary>
public sealed class LicenceIssuing(HttpClient gateway)
{
    public const string FireDesign = "320193-ZJ-SG-002", AirDefence = "320193-RF-SG-001";
    private readonly SuiteApi api = new(gateway);

    /// <summary>Submits a stage-3 application of the one item for the holder and has the window accept it; returns it and the routed item.</summary>
    public async Task<(Guid Application, Guid Item)> AcceptedItemAsync(Actor holder, string itemCode, string department, string projectName = "部门出证项目")
    {
        var phase = await api.PhaseAsync(holder);
        var created = await api.ExpectAsync(HttpStatusCode.Created, holder, HttpMethod.Post, "/api/intake/applications", new
        {
            projectCode = phase.ProjectCode, engineeringCode = phase.EngineeringCode, projectName, stageNo = 3, itemCodes = new[] { itemCode },
            form = itemCode == AirDefence
                ? new Dictionary<string, object> { ["总建筑面积（平方米）"] = 52000, ["防空地下室面积（平方米）"] = 8000 }
                : new Dictionary<string, object> { ["总建筑面积（平方米）"] = 52000, ["建筑高度（米）"] = 80 },
        });
        var application = created.GetProperty("id").GetGuid();
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{application}/accept");
        return (application, await api.ItemRoutedToAsync(department, application));
    }

    /// <summary>办结（通过）by the department (an 告知承诺制 item with the applicant's commitment).</summary>
    public async Task ConcludeAsync(string department, Guid item, bool commitment = false)
    {
        var actor = Actor.Department(department);
        await api.ExpectAsync(HttpStatusCode.OK, actor, HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
        object decision = commitment
            ? new { approved = true, opinion = "依告知承诺准予", commitment = "按人防标准同步建设防空地下室", commitmentDue = new DateOnly(2026, 12, 31) }
            : new { approved = true, opinion = "符合条件，准予许可" };
        await api.ExpectAsync(HttpStatusCode.OK, actor, HttpMethod.Post, $"/api/approvals/items/{item}/conclude", decision);
    }

    /// <summary>The region admin provisions (or rotates) the department's seal.</summary>
    public Task<JsonElement> ProvisionSealAsync(string department) =>
        AdminPostAsync(HttpStatusCode.Created, "/api/licences/seals", new { departmentCode = department });

    public async Task<JsonElement> AdminPostAsync(HttpStatusCode expected, string path, object body)
    {
        using var request = Accounts.Bearer(HttpMethod.Post, path, await ActorTokens.AdminTokenAsync(), body);
        using var response = await gateway.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"POST {path} as the region admin: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>POST /api/licences, retried while the conclusion has not reached the library (409); asserts the final status.</summary>
    public async Task<JsonElement> IssueAsync(HttpStatusCode expected, string department, object body)
    {
        var (status, text) = await SuiteApi.PollAsync(async () =>
        {
            using var response = await api.SendAsync(Actor.Department(department), HttpMethod.Post, "/api/licences", body);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }, r => r.StatusCode == expected || r.StatusCode != HttpStatusCode.Conflict, $"POST /api/licences answers {(int)expected}");
        Assert.True(status == expected, $"POST /api/licences: expected {(int)expected}, got {(int)status}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static object Body(Guid item, DateTimeOffset? validFrom = null, DateTimeOffset? validTo = null) => new
    {
        itemInstanceId = item, typeCode = "11100000000099", licenceName = "测试许可证", decision = "准予许可", validFrom, validTo,
    };
}
