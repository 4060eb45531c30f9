using System.Text.Json;
using Microsoft.JSInterop;

namespace Approval.Portal.Components.Shared;

public sealed record RecentApplication(Guid Id, string ProjectName, string StageName, DateTimeOffset SubmittedAt);

/// <summary>
/// The applications this browser submitted, per user (localStorage). Intake has no "my applications" list for
/// applicants yet; when it has, the page lists from the API instead (docs/portal.md).
/// </summary>
public sealed class RecentApplications(IJSRuntime js)
{
    private static string Key(string user) => $"approval.portal.applications.{user}";

    public async Task<List<RecentApplication>> ListAsync(string user)
    {
        var json = await js.InvokeAsync<string?>("localStorage.getItem", Key(user));
        return string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<RecentApplication>>(json) ?? [];
    }

    public async Task AddAsync(string user, RecentApplication application)
    {
        var list = await ListAsync(user);
        list.RemoveAll(a => a.Id == application.Id);
        list.Insert(0, application);
        await js.InvokeVoidAsync("localStorage.setItem", Key(user), JsonSerializer.Serialize(list.Take(50)));
    }
}
