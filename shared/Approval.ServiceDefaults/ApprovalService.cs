using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;

namespace Approval.ServiceDefaults;

/// <summary>The one entry point of a back-end service (its Program.cs is one call of <see cref="RunAsync{TContext}"/>).</summary>
public static class ApprovalService
{
    /// <summary>
    /// Builds and runs a service: <see cref="ServiceDefaultsExtensions.AddServiceDefaults"/>, then <paramref name="add"/> (its
    /// registrations, e.g. <c>b => b.AddIntake()</c>); the common pipeline (<see cref="ServiceDefaultsExtensions.UseServiceDefaults"/>),
    /// /health, /alive and OpenAPI, then <paramref name="map"/> (its middleware and endpoints); its database migrated
    /// before it takes traffic, then <paramref name="start"/> (what must be ready first: an import, seeds).
    /// </summary>
    public static async Task RunAsync<TContext>(string[] args, Action<WebApplicationBuilder> add, Action<WebApplication> map,
        Func<WebApplication, Task>? start = null) where TContext : DbContext
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        add(builder);

        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapDefaultEndpoints();
        map(app);

        await app.MigrateDatabaseAsync<TContext>();
        if (start is not null) await start(app);
        await app.RunAsync();
    }
}
