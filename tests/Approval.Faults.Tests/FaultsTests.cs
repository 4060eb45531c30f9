using System.Diagnostics;
using System.Text;
using Approval.Bench;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Approval.Faults.Tests;

/// <summary>
/// Faults while cases flow (issue 22, docs/testing.md "Faults"): skeleton cases run through the gateway by concurrent
/// applicants while services are killed (SIGKILL) one after another at random moments and started again, RabbitMQ and
/// PostgreSQL are restarted, and every relay publishes 10 % of its messages twice. Afterwards the reconciliation must find
/// nothing lost, nothing twice and nothing stuck two minutes after the last case began.
/// <c>./approval test</c> runs the short plan (four services); <c>./approval faults</c> runs every service, longer
/// (APPROVAL_FAULTS_SERVICES=all, APPROVAL_FAULTS_SECONDS), and prints the table this test writes; APPROVAL_FAULTS_SEED
/// repeats a run's order and moments.
/// </summary>
public sealed class FaultsTests(ITestOutputHelper output)
{
    private const string Prefix = "approval_faults", Vhost = "faults";
    private const int Workers = 4, DuplicatePercent = 10;
    private static readonly string[] ShortPlan = ["intake", "approvals", "licences", "notifications"];

    [Fact]
    public async Task Cases_survive_crashes_restarts_and_duplicates_with_nothing_lost_twice_or_stuck()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("APPROVAL_FAULTS_SECONDS"), out var s) && s > 0 ? s : 90;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("APPROVAL_FAULTS_SEED"), out var given) ? given : Environment.TickCount;
        var random = new Random(seed);

        await ServerFaults.CreateVhostAsync(Vhost);
        var builder = await SuiteFactory.CreateAsync($"ConnectionStrings:rabbitmq={ServerFaults.RabbitMqOn(Vhost)}");
        SuiteFactory.UseOwnDatabases(builder, "faults");
        var services = builder.Resources.OfType<ProjectResource>().Select(p => p.Name).Where(n => n != "province").ToList();
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
            builder.CreateResourceBuilder(project).WithEnvironment("Approval__Messaging__DuplicatePercent", DuplicatePercent.ToString());
        // APPROVAL_FAULTS_SERVICES: "all", or service names separated by commas; unset, the short plan
        var chosen = Environment.GetEnvironmentVariable("APPROVAL_FAULTS_SERVICES") switch
        {
            "all" => services,
            { Length: > 0 } list => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            _ => [.. ShortPlan],
        };
        Assert.All(chosen, name => Assert.Contains(name, services));
        var plan = chosen.Concat(["rabbitmq", "postgres"]).OrderBy(_ => random.Next()).ToList();

        var app = await SuiteFactory.StartAsync(builder, "gateway");
        try
        {
            var logs = new ResourceLogs(app, "published outbox message", "twice");
            output.WriteLine($"seed {seed}, faults in this order: {string.Join(", ", plan)}");
            var gateway = app.GetEndpoint("gateway", "http");
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Workers * 2 }) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
            var latencies = new Latencies();
            var patience = TimeSpan.FromMinutes(4);
            // one case before any fault: sign-ins, the demo project and JIT out of the way, and proof the suite works at all
            await new CaseDriver(http, latencies, patience).RunAsync("故障演练-预热", CaseShape.Skeleton, CancellationToken.None);

            using var stopNewCases = new CancellationTokenSource();
            var (completed, failures, drivers) = (0, new List<string>(), new List<CaseDriver>());
            var load = Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
            {
                var driver = new CaseDriver(http, latencies, patience);
                lock (drivers) drivers.Add(driver);
                for (var n = 0; !stopNewCases.IsCancellationRequested; n++)
                {
                    try
                    {
                        await driver.RunAsync($"故障演练-{w}-{n}-{seed}", CaseShape.Skeleton, CancellationToken.None);
                        Interlocked.Increment(ref completed);
                    }
                    catch (Exception e)
                    {
                        lock (failures) failures.Add($"worker {w} case {n}: {e.Message}");
                    }
                }
            })));

            var injected = new List<(string Fault, double At, double Down, int Starts)>();
            var hung = new List<string>();  // the log of each start that was not healthy within the startup window
            var clock = Stopwatch.StartNew();
            var kills = new ServiceKills(app, logs);
            var slot = TimeSpan.FromSeconds(seconds) / plan.Count;
            using var faultDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds) + TimeSpan.FromMinutes(3 * plan.Count));
            for (var i = 0; i < plan.Count; i++)
            {
                var due = slot * i + slot * random.NextDouble() * 0.5;
                if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
                var at = clock.Elapsed.TotalSeconds;
                var down = Stopwatch.StartNew();
                var starts = 1;
                switch (plan[i])
                {
                    case "rabbitmq": await ServerFaults.RestartRabbitMqAsync(); break;
                    case "postgres": await ServerFaults.RestartPostgresAsync(); break;
                    default:
                        var hungStarts = await kills.KillAndRestartAsync(plan[i], faultDeadline.Token);
                        starts += hungStarts.Count;
                        hung.AddRange(hungStarts);
                        break;
                }
                injected.Add((plan[i] is "rabbitmq" or "postgres" ? $"restart {plan[i]}" : $"SIGKILL {plan[i]}", at, down.Elapsed.TotalSeconds, starts));
            }
            if (clock.Elapsed < TimeSpan.FromSeconds(seconds)) await Task.Delay(TimeSpan.FromSeconds(seconds) - clock.Elapsed);
            stopNewCases.Cancel();
            await load;

            // No case may be stuck: two minutes after the load ended, the reconciliation must be clean.
            var settled = Stopwatch.StartNew();
            Reconciliation reconciled;
            while (!(reconciled = await Reconciliation.RunAsync(Prefix, Vhost, CancellationToken.None)).Clean && settled.Elapsed < TimeSpan.FromMinutes(2))
                await Task.Delay(TimeSpan.FromSeconds(2));

            var report = Report(seed, seconds, injected, completed, failures, drivers.Sum(d => d.Retries), logs.Counted, reconciled, settled.Elapsed, hung);
            output.WriteLine(report);
            if (Environment.GetEnvironmentVariable("APPROVAL_FAULTS_REPORT") is { Length: > 0 } file) await File.WriteAllTextAsync(file, report);

            Assert.Equal(plan.Count, injected.Count);
            Assert.True(completed > 0, "no case completed while the faults were injected");
            Assert.True(logs.Counted > 0, "no duplicate delivery was injected");
            Assert.Empty(failures);
            Assert.Empty(reconciled.Stuck);
            Assert.Empty(reconciled.Duplicates);
            Assert.Empty(reconciled.Unsent);
            Assert.Empty(reconciled.Queued);
            Assert.Empty(reconciled.Failed);
            Assert.Equal(reconciled.CertificatesExpected, reconciled.CertificatesIssued);
            Assert.Equal(reconciled.CertificatesExpected, reconciled.CertificatesShown);
            Assert.Equal(completed + 1, reconciled.Concluded);  // the warm-up case too
        }
        finally
        {
            await SuiteFactory.StopAsync(app);
        }
    }

    private static string Report(int seed, int seconds, List<(string Fault, double At, double Down, int Starts)> injected, int completed,
        List<string> failures, int retries, int duplicates, Reconciliation r, TimeSpan settling, List<string> hung)
    {
        var text = new StringBuilder();
        text.AppendLine($"FAULTS injected while {Workers} applicants ran skeleton cases for {seconds} s (seed {seed}):");
        text.AppendLine($"{"fault",-26} {"at s",7} {"back after s",13} {"starts",7}");
        foreach (var (fault, at, down, starts) in injected) text.AppendLine($"{fault,-26} {at,7:F1} {down,13:F1} {starts,7}");
        text.AppendLine($"{"duplicate deliveries",-26} {duplicates,7} {"(" + DuplicatePercent + " % of publishes, same MessageId)",13}");
        text.AppendLine();
        text.AppendLine($"CASES: {completed} completed during the faults (+1 warm-up), {failures.Count} failed, {retries} calls retried after a transient failure");
        text.AppendLine($"RECONCILIATION ({settling.TotalSeconds:F0} s after the load ended):");
        text.AppendLine($"  applications {r.Applications}, accepted {r.Accepted}, concluded with every item decided {r.Concluded}, items decided {r.ItemsDecided}");
        text.AppendLine($"  certificates: expected {r.CertificatesExpected}, issued {r.CertificatesIssued}, shown to the applicant {r.CertificatesShown}");
        text.AppendLine($"  stuck {r.Stuck.Count}, effects twice {r.Duplicates.Count}, outbox unsent {r.Unsent.Count}, queues not empty {r.Queued.Count}, _error/_skipped {r.Failed.Count}");
        foreach (var line in failures.Concat(r.Stuck).Concat(r.Duplicates).Concat(r.Unsent).Concat(r.Queued).Concat(r.Failed).Take(40))
            text.AppendLine("  - " + line);
        if (hung.Count > 0)
        {
            text.AppendLine();
            text.AppendLine($"STARTS NOT HEALTHY within {ServiceKills.StartupWindow.TotalSeconds:F0} s, killed and started again (as a startup probe would):");
            foreach (var start in hung) text.AppendLine(start);
        }
        return text.ToString();
    }
}
