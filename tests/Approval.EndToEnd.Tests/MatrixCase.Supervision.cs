using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// Supervision's objects of a matrix row: {itemClock} (the read model's clock of the case's ZJJ item) and
/// {supervisedProject} (the case's project once Supervision has its stage) — both appear only after Supervision consumed
/// the case's events, so the case waits for them.
/// </summary>
public sealed partial class MatrixCase
{
    public static readonly Actor Supervisor = new("supervisor-e2e", "supervisor", Name: "监察科赵六");

    private static readonly string[] SupervisionObjects = ["itemClock", "supervisedProject"];

    private async Task SupervisionAsync(SuiteApi api, MatrixRow row)
    {
        if (!Needs(row).Any(SupervisionObjects.Contains)) return;
        var clock = await ItemClockAsync(api, values["project"], Item!.Value);
        values["itemClock"] = clock.GetProperty("id").GetString()!;
        values["supervisedProject"] = values["project"];
    }

    /// <summary>Supervision's clock of an item instance, polled until its consumers have seen the item's acceptance.</summary>
    public static async Task<JsonElement> ItemClockAsync(SuiteApi api, string projectCode, Guid itemInstance, Func<JsonElement, bool>? done = null)
    {
        JsonElement? Find(JsonElement page) => page.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("itemInstanceId").ValueKind == JsonValueKind.String && i.GetProperty("itemInstanceId").GetGuid() == itemInstance)
            .Select(i => (JsonElement?)i).FirstOrDefault();
        var page = await SuiteApi.PollAsync(
            () => api.ExpectAsync(HttpStatusCode.OK, Supervisor, HttpMethod.Get, $"/api/supervision/items?projectCode={projectCode}"),
            p => Find(p) is { } c && (done?.Invoke(c) ?? true), $"Supervision has the clock of item {itemInstance}", seconds: 60);
        return Find(page)!.Value;
    }
}
