using Approval.Notifications;
using Approval.Notifications.Data;
using Approval.ServiceDefaults;

// AddServiceDefaults, AddNotifications; the common pipeline and /health, then its endpoints; migrate, start (ApprovalService).
await ApprovalService.RunAsync<NotificationsDbContext>(args, b => b.AddNotifications(), app => app.MapNotificationsApi());
