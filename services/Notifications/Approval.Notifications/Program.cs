using Approval.Messaging;
using Approval.Notifications;
using Approval.Notifications.Data;
using Approval.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotifications();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapNotificationsApi();

await app.MigrateDatabaseAsync<NotificationsDbContext>();
app.Run();
