using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>Issue 23: the window's account search (Identity) — applicants of its own region, masked phone and ID number, paged.</summary>
[Collection(SuiteCollection.Name)]
public sealed class AccountSearchTests(SuiteFixture suite) : IDisposable
{
    private readonly SuiteApi api = new(suite.Gateway);
    /// <summary>Registration from an address of this test's own (the gateway limits registrations per address).</summary>
    private readonly HttpClient registrar = LoopbackClients.From(LoopbackClients.NewAddress(), suite.Gateway.BaseAddress!);

    public void Dispose() => registrar.Dispose();

    private static string Search(string q, string extra = "") => $"/api/identity/accounts/search?q={Uri.EscapeDataString(q)}{extra}";

    [Fact]
    public async Task The_window_finds_an_applicant_of_its_region_by_name_user_name_or_phone_with_the_numbers_masked()
    {
        var userName = Accounts.NewUserName("search");
        var number = Accounts.NewResidentIdNumber();
        var mobile = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        var name = $"检索{Guid.NewGuid():N}"[..12];
        using (var registered = await registrar.PostAsJsonAsync("/api/identity/register",
            new { kind = "person", name, number, userName, password = "Person#2026pass", mobile }))
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        foreach (var q in new[] { name, userName, mobile[3..] })
        {
            using var response = await api.SendAsync(Actor.Window, HttpMethod.Get, Search(q));
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(number, text);
            Assert.DoesNotContain(mobile, text);
            var found = JsonDocument.Parse(text).RootElement;
            var match = Assert.Single(found.GetProperty("items").EnumerateArray());
            Assert.Equal((userName, name, "person"), (match.GetProperty("userName").GetString(), match.GetProperty("displayName").GetString(), match.GetProperty("kind").GetString()));
            Assert.Equal(mobile[..3] + "****" + mobile[^4..], match.GetProperty("maskedMobile").GetString());
            Assert.Equal(number[..3] + new string('*', number.Length - 7) + number[^4..], match.GetProperty("maskedNumber").GetString());
            Assert.Equal(1, found.GetProperty("total").GetInt32());
        }
        // The region admin may search too; another region's window finds nothing of this region.
        await api.ExpectAsync(HttpStatusCode.OK, new Actor("admin-e2e-search", "region-admin", Name: "区管理员"), HttpMethod.Get, Search(name));
        var foreign = await api.ExpectAsync(HttpStatusCode.OK, AccessMatrixRows.OtherRegionWindow, HttpMethod.Get, Search(name));
        Assert.Equal(0, foreign.GetProperty("total").GetInt32());
        // Staff are not applicants: the window's own account is not found.
        Assert.Equal(0, (await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Get, Search("window-e2e"))).GetProperty("total").GetInt32());
        // The found account's id is the applicant id a counter submission names.
        var id = (await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Get, Search(userName))).GetProperty("items")[0].GetProperty("id").GetString();
        Assert.False(string.IsNullOrEmpty(id));
    }

    [Fact]
    public async Task Search_is_refused_to_anonymous_and_applicants_and_bad_queries_are_named()
    {
        using (var anonymous = await suite.Gateway.GetAsync(Search("示范")))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await api.ExpectAsync(HttpStatusCode.Forbidden, Actor.Applicant, HttpMethod.Get, Search("示范"));
        await api.ExpectAsync(HttpStatusCode.Forbidden, Actor.Department("ZJJ"), HttpMethod.Get, Search("示范"));
        var shortQuery = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Window, HttpMethod.Get, Search(" 示 "));
        Assert.Contains("2", shortQuery.GetProperty("errors").GetProperty("q")[0].GetString());
        var paging = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Window, HttpMethod.Get, Search("示范", "&page=0&pageSize=500"));
        foreach (var field in new[] { "page", "pageSize" }) Assert.True(paging.GetProperty("errors").TryGetProperty(field, out _), field);
        // a page far beyond any region's applicants: refused, not an offset that overflows
        var far = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Window, HttpMethod.Get, Search("示范", "&page=2147483647&pageSize=50"));
        Assert.True(far.GetProperty("errors").TryGetProperty("page", out _));
        // A LIKE wildcard is a character, not a pattern: "%%" matches no one.
        Assert.Equal(0, (await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Get, Search("%%"))).GetProperty("total").GetInt32());
    }
}
