using System.Net;
using System.Net.Http.Json;

namespace Approval.Licences.Clients;

/// <summary>
/// Asks Approvals, with the caller's credentials, whether an item instance Licences has no conclusion for is routed to
/// the caller's department (Approvals applies its own rules: another department's item is 404 there too).
/// </summary>
public sealed class ApprovalsClient(HttpClient http)
{
    /// <summary>The item's current status as Approvals shows it to the caller, or null when it is not shown to them.</summary>
    public async Task<RoutedItem?> GetRoutedItemAsync(Guid itemInstanceId, IHeaderDictionary caller, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/approvals/items/{itemInstanceId}");
        if (caller.TryGetValue("Authorization", out var value)) request.Headers.TryAddWithoutValidation("Authorization", value.ToArray());
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<RoutedItem>(ct);
    }
}

public sealed record RoutedItem(Guid Id, string DepartmentCode, int StatusCode, string StatusName);
