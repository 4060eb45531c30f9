namespace Approval.ServiceDefaults.Jobs;

/// <summary>A row of a work queue table (outbox, webhook deliveries, notification deliveries): due once NextAttemptAt has come.</summary>
public interface IQueuedWork
{
    /// <summary>When the row is due; while a worker holds it, the end of that worker's lease.</summary>
    DateTimeOffset NextAttemptAt { get; set; }
}
