using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// The bearer token of each test actor, made once per run: the seeded region admin (signed in with code +
/// PKCE) creates or updates the actor's account through PUT /api/identity/users/{name} — and, for another
/// region, its organisation — then the actor signs in the same way. The suite fixture sets the gateway.
/// </summary>
public static class ActorTokens
{
    public const string AdminUser = "admin";
    public const string AdminPassword = Accounts.AdminPassword;
    public const string ActorPassword = "Actor#2026pass";

    private static readonly ConcurrentDictionary<Actor, Lazy<Task<string>>> Tokens = new();
    private static Lazy<Task<string>>? admin;
    private static Uri? gateway;

    /// <summary>Points the actors at a suite's gateway; a later suite of the run (CalendarYearTests) starts with no token of the earlier one.</summary>
    public static void Use(Uri gatewayAddress)
    {
        Tokens.Clear();
        gateway = gatewayAddress;
        admin = new(() => new OidcClient(gatewayAddress).SignInAsync(AdminUser, AdminPassword, Accounts.DemoTotpKey).ContinueWith(t => t.Result.AccessToken));
    }

    /// <summary>The region admin's own token (for tests of the admin API).</summary>
    public static Task<string> AdminTokenAsync() => admin!.Value;

    public static Task<string> ForAsync(Actor actor) => Tokens.GetOrAdd(actor, a => new Lazy<Task<string>>(() => CreateAsync(a))).Value;

    /// <summary>Blocks only on an actor's first request; the fixture warms the common actors up front.</summary>
    public static string For(Actor actor) => Task.Run(() => ForAsync(actor)).GetAwaiter().GetResult();

    private static async Task<string> CreateAsync(Actor actor)
    {
        var address = gateway ?? throw new InvalidOperationException("ActorTokens.Use was not called: the suite fixture sets the gateway.");
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await admin!.Value);
        var roles = actor.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (actor.Org is not null)
        {
            // The region pack's organisations exist already (409); a test's own department is created here.
            // A regulator (监管部门) is a department of the region that also supervises.
            var kind = roles.Select(r => r == "regulator" ? "department" : r).FirstOrDefault(r => r is "department" or "review-agency" or "intermediary" or "utility") ?? "window";
            var region = actor.Region ?? Accounts.DemoRegion;
            using var org = await http.PostAsJsonAsync("/api/identity/organisations", new { regionCode = region, code = actor.Org, name = $"{region} {actor.Org}", kind, creditCode = Accounts.NewCreditCode() });
            if (org.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
                throw new InvalidOperationException($"creating organisation {actor.Org}: {(int)org.StatusCode} {await org.Content.ReadAsStringAsync()}");
        }
        using var upsert = await http.PutAsJsonAsync($"/api/identity/users/{Uri.EscapeDataString(actor.User)}", new
        {
            displayName = actor.Name ?? actor.User, password = ActorPassword, roles, organisationCode = actor.Org, regionCode = actor.Region,
        });
        if (!upsert.IsSuccessStatusCode)
            throw new InvalidOperationException($"creating {actor.User}: {(int)upsert.StatusCode} {await upsert.Content.ReadAsStringAsync()}");
        return (await new OidcClient(address).SignInAsync(actor.User, ActorPassword, Accounts.DemoTotpKey)).AccessToken;
    }
}
