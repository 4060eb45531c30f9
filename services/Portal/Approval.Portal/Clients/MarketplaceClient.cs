using Microsoft.AspNetCore.Components.Authorization;

namespace Approval.Portal.Clients;

/// <summary>Marketplace (中介服务网上交易平台, docs/marketplace.md): directory, selection, commissions, the agency's workbench, verification.</summary>
public sealed class MarketplaceClient(HttpClient http, AuthenticationStateProvider authentication) : ServiceClient(http, authentication)
{
    private const string Api = "/api/marketplace";

    public Task<List<MarketServiceType>> ServiceTypesAsync(CancellationToken ct = default) => GetAsync<List<MarketServiceType>>($"{Api}/service-types", ct);
    public Task<List<MarketAgency>> AgenciesAsync(string? serviceType = null, CancellationToken ct = default) =>
        GetAsync<List<MarketAgency>>($"{Api}/agencies{(string.IsNullOrEmpty(serviceType) ? "" : $"?serviceType={Uri.EscapeDataString(serviceType)}")}", ct);
    public Task<MarketAgency> AgencyAsync(Guid id, CancellationToken ct = default) => GetAsync<MarketAgency>($"{Api}/agencies/{id}", ct);
    public Task<List<MarketService>> ServicesAsync(CancellationToken ct = default) => GetAsync<List<MarketService>>($"{Api}/services", ct);

    public Task<MarketAgency> OwnAgencyAsync(CancellationToken ct = default) => GetAsync<MarketAgency>($"{Api}/agency", ct);
    public Task<MarketAgency> RegisterAsync(MarketAgencyProfile profile, CancellationToken ct = default) => SendAsync<MarketAgency>(HttpMethod.Put, $"{Api}/agency", profile, ct);
    public Task<MarketService> PublishAsync(object service, CancellationToken ct = default) => SendAsync<MarketService>(HttpMethod.Put, $"{Api}/agency/services", service, ct);
    public Task<List<MarketSelection>> InvitationsAsync(CancellationToken ct = default) => GetAsync<List<MarketSelection>>($"{Api}/agency/invitations", ct);
    public Task<MarketQuote> QuoteAsync(Guid selection, decimal? amount, string? note, CancellationToken ct = default) =>
        SendAsync<MarketQuote>(HttpMethod.Post, $"{Api}/selections/{selection}/quotes", new { amount, note }, ct);

    public Task<List<MarketAgency>> AdminAgenciesAsync(CancellationToken ct = default) => GetAsync<List<MarketAgency>>($"{Api}/admin/agencies", ct);
    public Task<MarketAgency> ReviewAsync(Guid agency, bool verified, List<string> suspended, string? note, CancellationToken ct = default) =>
        SendAsync<MarketAgency>(HttpMethod.Post, $"{Api}/agencies/{agency}/review", new { verified, suspendedQualifications = suspended, note }, ct);

    public Task<MarketSelection> SelectAsync(object request, CancellationToken ct = default) => SendAsync<MarketSelection>(HttpMethod.Post, $"{Api}/selections", request, ct);
    public Task<List<MarketSelection>> SelectionsAsync(CancellationToken ct = default) => GetAsync<List<MarketSelection>>($"{Api}/selections", ct);
    public Task<MarketDrawCheck> RerunAsync(Guid selection, CancellationToken ct = default) => GetAsync<MarketDrawCheck>($"{Api}/selections/{selection}/draw", ct);
    public Task<MarketSelection> CloseAsync(Guid selection, CancellationToken ct = default) => SendAsync<MarketSelection>(HttpMethod.Post, $"{Api}/selections/{selection}/close", null, ct);

    public Task<List<MarketCommission>> CommissionsAsync(CancellationToken ct = default) => GetAsync<List<MarketCommission>>($"{Api}/commissions", ct);
    /// <summary>A step of the agency (accept, decline, start, milestones, end) or the applicant (rating).</summary>
    public Task<MarketCommission> StepAsync(Guid commission, string step, object? body = null, CancellationToken ct = default) =>
        SendAsync<MarketCommission>(HttpMethod.Post, $"{Api}/commissions/{commission}/{step}", body ?? new { }, ct);
    public Task<MarketDeliverable> DeliverAsync(Guid commission, string fileName, byte[] content, CancellationToken ct = default) =>
        SendAsync<MarketDeliverable>(HttpMethod.Post, $"{Api}/commissions/{commission}/deliverables", new { fileName, content = Convert.ToBase64String(content) }, ct);
}
