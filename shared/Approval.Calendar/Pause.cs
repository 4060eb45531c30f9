namespace Approval.Calendar;

/// <summary>A stop of the clock (补正, special procedure) with its reason; End is null while it lasts.</summary>
public sealed record Pause(DateTimeOffset Start, DateTimeOffset? End, string Reason);
