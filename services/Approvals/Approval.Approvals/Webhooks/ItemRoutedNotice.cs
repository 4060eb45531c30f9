using System.Text.Json;
using Approval.Approvals.Domain;
using Approval.Messaging.Systems;

namespace Approval.Approvals.Webhooks;

/// <summary>Builds the "item.routed" delivery for a department system, queued with the routing itself.</summary>
public static class ItemRoutedNotice
{
    public const string EventType = "item.routed";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static WebhookDelivery For(ItemInstance item, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        var payload = new ItemRoutedPayload(id, EventType, item.Id, item.ApplicationId, item.ParallelInstanceCode, item.ProjectCode,
            item.ProjectName, item.Holder, item.ItemCode, item.ItemName, item.TimeLimitWorkingDays, item.AcceptedAt,
            new ItemRoutedLinks($"/api/approvals/items/{item.Id}", $"/api/intake/applications/{item.ApplicationId}"));
        return new WebhookDelivery
        {
            Id = id, OrganisationCode = item.DepartmentCode, EventType = EventType, Payload = JsonSerializer.Serialize(payload, Json),
            CreatedAt = now, NextAttemptAt = now,
        };
    }
}
