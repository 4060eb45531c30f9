namespace Approval.Contracts.Events;

/// <summary>The region admin verified (认证) or refused an intermediary agency of the marketplace (中介服务网上交易平台).</summary>
public sealed record AgencyVerified(Guid AgencyId, string RegionCode, string OrgCode, string Name, bool Verified, string? Note, DateTimeOffset ReviewedAt);
