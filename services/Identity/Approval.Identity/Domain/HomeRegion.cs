namespace Approval.Identity.Domain;

/// <summary>The region (行政区划代码) this deployment serves, read from the region pack.</summary>
public sealed record HomeRegion(string Code, string Name);
