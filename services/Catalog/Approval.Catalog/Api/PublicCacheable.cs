namespace Approval.Catalog.Api;

/// <summary>Endpoint metadata: an anonymous GET whose answer gets an ETag and public caching headers.</summary>
public sealed class PublicCacheable;
