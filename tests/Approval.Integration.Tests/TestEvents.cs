namespace Approval.Integration.Tests;

// One message type per scenario, so scenarios never see each other's messages on the shared broker.
public sealed record RecoveryEvent(string Key);
public sealed record DuplicateEvent(string Key);
public sealed record PoisonEvent(string Key);
public sealed record MalformedEvent(string Key);
public sealed record CompetingEvent(string Key);
public sealed record QueuedWork(string Key);
public sealed record OrderedEvent(string Key);
public sealed record GroupedEvent(string Key);
