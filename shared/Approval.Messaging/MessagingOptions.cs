using System.ComponentModel.DataAnnotations;
using Approval.ServiceDefaults.Options;

namespace Approval.Messaging;

/// <summary>Tunables of the outbox relay and the consumers (section "Approval:Messaging").</summary>
public sealed class MessagingOptions
{
    /// <summary>
    /// Redeliveries in the consumer before a message goes to its queue's <c>_error</c> queue: with the intervals below,
    /// about 80 s of retries, so a database restart (./approval faults: up to ~20 s) does not send the messages in flight
    /// to <c>_error</c>.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int RetryLimit { get; set; } = 10;
    [Positive]
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(100);
    [Positive]
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>
    /// Most consumed messages committed in one transaction (<see cref="InboxGroupCommit{TContext}"/>): messages arriving
    /// while a group works join it, up to this many. 1 gives each message its own transaction.
    /// </summary>
    [Range(1, 1000)]
    public int ConsumerGroupSize { get; set; } = 16;
    /// <summary>How long the relay sleeps when no commit woke it.</summary>
    [Positive]
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
    /// <summary>
    /// How long the relay waits, once a commit woke it, before its round: the events committed meanwhile leave in the same
    /// round and commit (issue 22). Zero starts the round at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan RelayLinger { get; set; } = TimeSpan.FromMilliseconds(25);
    [Positive]
    public int RelayBatchSize { get; set; } = 100;
    /// <summary>Wait after a message's first failed publish; it doubles with every further failure (Jobs/Retries).</summary>
    [Positive]
    public TimeSpan RelayFirstBackoff { get; set; } = TimeSpan.FromMilliseconds(400);
    /// <summary>Longest wait between publish attempts of a failing message.</summary>
    [Positive]
    public TimeSpan RelayMaxBackoff { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How long a round waits for its publishes' confirms; a publish unconfirmed by then is retried later.</summary>
    [Positive]
    public TimeSpan RelayPublishTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Sent outbox rows and inbox ids are kept this long, longer than any redelivery horizon.</summary>
    [Positive]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
    /// <summary>Off only in tests that simulate a process that died before publishing.</summary>
    public bool RelayEnabled { get; set; } = true;
    /// <summary>
    /// Fault injection (./approval faults, Development/Testing only; any other environment refuses to start with it): the
    /// share of published messages, in per cent, that the relay publishes a second time with the same MessageId, as a
    /// broker or a relay crash between confirm and mark would redeliver them. 0, the default, publishes each once.
    /// </summary>
    [Range(0, 100)]
    public int DuplicatePercent { get; set; }
}
