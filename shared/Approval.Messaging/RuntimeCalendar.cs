using System.Net.Http.Json;
using Approval.Calendar;
using Approval.Contracts.Events;
using Approval.ServiceDefaults.Http;
using Approval.ServiceDefaults.Jobs;
using Approval.ServiceDefaults.Region;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Approval.Messaging;

/// <summary>
/// Run-time calendar years for a service that keeps clocks on the region calendar (Reviews, Utilities, Marketplace, …): the
/// region pack's calendar.json with the years the region admin uploads in Approvals, applied without a restart. A
/// <see cref="CalendarProvider"/> (singleton) holds them; <see cref="WorkingCalendar"/> is resolved per request from its
/// <c>Current</c>. Approvals announces an upload (CalendarYearUploaded, outbox) and each service applies it at once; every
/// replica also reads Approvals' uploaded years at start and every <c>Approval:Calendar:RefreshSeconds</c> (30), so a restart,
/// a replica that did not take the event, or a missed event loses nothing.
/// </summary>
public static class RuntimeCalendar
{
    /// <summary>Registers the provider (pack from <paramref name="calendarFile"/>), the scoped calendar, the warning rule, Approvals' client and the refresh.</summary>
    public static IHostApplicationBuilder AddRuntimeCalendar(this IHostApplicationBuilder builder, string calendarFile)
    {
        builder.Services.AddSingleton(_ => new CalendarProvider(CalendarFile.Load(calendarFile)));
        builder.Services.AddScoped(sp => sp.GetRequiredService<CalendarProvider>().Current);
        builder.Services.AddSingleton(_ => CalendarFile.LoadWarning(calendarFile));
        builder.AddServiceClient<CalendarYearsClient>("approvals");
        builder.Services.AddHostedService<CalendarYearsRefresh>();
        return builder;
    }

    /// <summary>The consumer of CalendarYearUploaded, for the service's AddApprovalMessaging.</summary>
    public static IBusRegistrationConfigurator AddRuntimeCalendar(this IBusRegistrationConfigurator x)
    {
        x.AddConsumer<CalendarYearUploadedConsumer>();
        return x;
    }
}

/// <summary>Approvals' uploaded years (GET /api/approvals/calendar/uploaded: the region's public holiday schedule, no sign-in).</summary>
public sealed class CalendarYearsClient(HttpClient http)
{
    public async Task<List<UploadedCalendarYear>> UploadedAsync(CancellationToken ct) =>
        await http.GetFromJsonAsync<List<UploadedCalendarYear>>("/api/approvals/calendar/uploaded", ct) ?? [];
}

/// <summary>Reads Approvals' uploaded years at start and then every few seconds; applies what is new.</summary>
public sealed class CalendarYearsRefresh(IServiceScopeFactory scopes, CalendarProvider calendars, IConfiguration configuration, TimeProvider clock,
    ILogger<CalendarYearsRefresh> log) : PeriodicJob(clock, log)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Approval:Calendar:RefreshSeconds", 30)));

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var years = await scope.ServiceProvider.GetRequiredService<CalendarYearsClient>().UploadedAsync(ct);
        if (calendars.Apply(years)) Log.LogInformation("Working calendar: uploaded years {Years} applied", string.Join(", ", years.Select(y => y.Year)));
        return false;
    }
}

/// <summary>
/// Applies an upload of the service's region at once. The effect is this replica's memory and applying twice changes
/// nothing (the later UploadedAt wins), so there is no inbox row: the refresh brings the year to the other replicas.
/// </summary>
public sealed class CalendarYearUploadedConsumer(CalendarProvider calendars, DeploymentRegion region, ILogger<CalendarYearUploadedConsumer> log)
    : IConsumer<CalendarYearUploaded>
{
    public Task Consume(ConsumeContext<CalendarYearUploaded> context)
    {
        var m = context.Message;
        if (Apply(calendars, region.Code, m)) log.LogInformation("Working calendar: year {Year} uploaded at {UploadedAt} applied", m.Year, m.UploadedAt);
        return Task.CompletedTask;
    }

    /// <summary>Applies the upload when it is of <paramref name="regionCode"/> and newer than the year's applied so far; true when the calendar changed.</summary>
    public static bool Apply(CalendarProvider calendars, string regionCode, CalendarYearUploaded m) =>
        m.RegionCode == regionCode && calendars.Apply([new UploadedCalendarYear(m.Year, m.Holidays, m.Workdays, m.UploadedAt)]);
}
