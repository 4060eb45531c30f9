using System.Diagnostics;
using System.Diagnostics.Metrics;
using Approval.ServiceDefaults;

namespace Approval.Messaging;

/// <summary>The outbox's metrics and activity source (meter and source "Approval", exported by ServiceDefaults).</summary>
public static class MessagingMetrics
{
    public static readonly ActivitySource Source = new(TelemetryExtensions.ApprovalSource);
    private static readonly Meter Meter = new(TelemetryExtensions.ApprovalSource);

    /// <summary>Time from commit to confirmed publish.</summary>
    public static readonly Histogram<double> OutboxLag =
        Meter.CreateHistogram<double>("approval.outbox.lag", "ms", "Time from the commit of an outbox event to its confirmed publish");
    public static readonly Counter<long> Published = Meter.CreateCounter<long>("approval.outbox.published");
    public static readonly Counter<long> PublishFailures = Meter.CreateCounter<long>("approval.outbox.publish_failures");
    public static readonly Counter<long> InboxDuplicates = Meter.CreateCounter<long>("approval.inbox.duplicates");
    /// <summary>Messages per consumer transaction (InboxGroupCommit), tagged committed true/false (false: applied again alone).</summary>
    public static readonly Histogram<int> InboxGroupSize =
        Meter.CreateHistogram<int>("approval.inbox.group_size", "{message}", "Consumed messages committed in one transaction");
    /// <summary>Second publishes of fault injection (MessagingOptions.DuplicatePercent).</summary>
    public static readonly Counter<long> DuplicatesInjected = Meter.CreateCounter<long>("approval.outbox.duplicates_injected");
}
