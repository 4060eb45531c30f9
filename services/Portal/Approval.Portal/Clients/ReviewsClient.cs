using Microsoft.AspNetCore.Components.Authorization;

namespace Approval.Portal.Clients;

/// <summary>Reviews: 技术审查 — commission, follow, the agency's work and the sealed result (docs/reviews.md).</summary>
public sealed class ReviewsClient(HttpClient http, AuthenticationStateProvider authentication) : ServiceClient(http, authentication)
{
    public Task<List<ReviewType>> TypesAsync(CancellationToken ct = default) => GetAsync<List<ReviewType>>("/api/reviews/types", ct);

    public Task<List<Review>> ReviewsAsync(string? projectCode = null, CancellationToken ct = default) =>
        GetAsync<List<Review>>(projectCode is null ? "/api/reviews" : $"/api/reviews?projectCode={Uri.EscapeDataString(projectCode)}", ct);

    public Task<Review> ReviewAsync(Guid id, CancellationToken ct = default) => GetAsync<Review>($"/api/reviews/{id}", ct);

    public Task<Review> CommissionAsync(object commission, CancellationToken ct = default) =>
        SendAsync<Review>(HttpMethod.Post, "/api/reviews", commission, ct);

    public Task<Review> StartAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<Review>(HttpMethod.Post, $"/api/reviews/{id}/start", new { }, ct);

    public Task<Review> RequestSupplementAsync(Guid id, string reason, CancellationToken ct = default) =>
        SendAsync<Review>(HttpMethod.Post, $"/api/reviews/{id}/supplement", new { reason }, ct);

    public Task<Review> AnswerSupplementAsync(Guid id, string answer, CancellationToken ct = default) =>
        SendAsync<Review>(HttpMethod.Post, $"/api/reviews/{id}/supplement/answer", new { answer }, ct);

    public Task<Review> ConcludeAsync(Guid id, object conclusion, CancellationToken ct = default) =>
        SendAsync<Review>(HttpMethod.Post, $"/api/reviews/{id}/conclude", conclusion, ct);

    /// <summary>The sealed result file's bytes.</summary>
    public async Task<byte[]> ResultAsync(Guid id, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reviews/{id}/result");
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }
}

public sealed record ReviewAgency(string Code, string Name, DateOnly? ValidUntil);

public sealed record ReviewType(string Code, string Name, string MaterialName, string? CatalogItemCode, int LimitWorkingDays,
    bool RequiresResultFile, List<ReviewAgency> Agencies);

public sealed record ReviewOpinion(string Discipline, string Opinion);

public sealed record ReviewSupplement(string Reason, DateTimeOffset RequestedAt, string? Answer, DateTimeOffset? AnsweredAt);

public sealed record ReviewResultFile(string FileName, string ContentType, string Sha256, int Size, Guid SealId, string SealCode,
    string Signature, DateTimeOffset SignedAt);

public sealed record Review(
    Guid Id, string RegionCode, string ProjectCode, string? EngineeringCode, string TypeCode, string TypeName, string MaterialName,
    string AgencyCode, string AgencyName, string OwnerId, string OwnerName, string Status, string StatusName,
    string? Conclusion, string? ConclusionName, bool Passed, List<ReviewOpinion> Opinions, List<ReviewSupplement> Supplements,
    List<Guid> MaterialIds, string? Note, int LimitWorkingDays, DateTimeOffset CommissionedAt, DateTimeOffset? StartedAt,
    DateTimeOffset? ConcludedAt, Clock? Clock, ReviewResultFile? Result)
{
    public bool Supplementing => Status == "supplementing";
}
