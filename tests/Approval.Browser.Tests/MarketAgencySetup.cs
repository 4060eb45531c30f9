using System.Net.Http.Json;
using System.Text.Json;
using Approval.EndToEnd.Tests;

namespace Approval.Browser.Tests;

/// <summary>
/// The marketplace's agencies of a browser run, set up through the gateway: the demo staff of the pack's intermediaries
/// (agency-ZJ01 … agency-ZJ04) register their agencies offering 可行性研究报告编制, the region admin verifies all four and
/// provisions e-seals for ZJ01–ZJ03; ZJ04's qualification expired yesterday, so a draw must leave it out.
/// </summary>
public static class MarketAgencySetup
{
    public const string Feasibility = "feasibility-report";
    public static readonly string[] Orgs = ["ZJ01", "ZJ02", "ZJ03", "ZJ04"];
    public const string Expired = "ZJ04";

    public static async Task RegisterAsync(Uri gateway)
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };
        var admin = (await new OidcClient(gateway).SignInAsync("admin", Accounts.AdminPassword, Accounts.DemoTotpKey)).AccessToken;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        foreach (var org in Orgs)
        {
            var staff = (await new OidcClient(gateway).SignInAsync($"agency-{org}", Accounts.DemoPassword, Accounts.DemoTotpKey)).AccessToken;
            var validTo = org == Expired ? today.AddDays(-1) : today.AddYears(2);
            var agency = await SendAsync(http, HttpMethod.Put, "/api/marketplace/agency", staff, new
            {
                name = $"示范中介{org}", creditCode = Accounts.NewCreditCode(), contact = "0512-60009000", staffCount = 25, feeMin = 5000m, feeMax = 200000m,
                serviceTypes = new[] { Feasibility }, serviceAreas = new[] { "320100" }, // a city code: covers the demo district 320193
                qualifications = new[]
                {
                    new { type = "工程咨询单位资信", level = "甲级", authority = "江苏省发展和改革委员会", number = $"ZX-{org}-B", validFrom = today.AddYears(-3), validTo, covers = new[] { Feasibility } },
                },
            }, HttpStatusCode.OK);
            await SendAsync(http, HttpMethod.Post, $"/api/marketplace/agencies/{agency.GetProperty("id").GetGuid()}/review", admin, new { verified = true }, HttpStatusCode.OK);
            await SendAsync(http, HttpMethod.Put, "/api/marketplace/agency/services", staff,
                new { serviceType = Feasibility, guide = "受托后现场踏勘、编制并提交成果", deliverables = "盖章的PDF成果文件", feeBasis = "市场调节价，按合同约定", workingDays = 10 }, HttpStatusCode.OK);
            if (org != Expired)
                await SendAsync(http, HttpMethod.Post, "/api/licences/seals", admin, new { departmentCode = org }, HttpStatusCode.Created, HttpStatusCode.Conflict);
        }
    }

    private static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, string token, object body, params HttpStatusCode[] expected)
    {
        using var request = Accounts.Bearer(method, path, token, body);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected.Contains(response.StatusCode), $"{method} {path}: expected {string.Join('/', expected.Select(e => (int)e))}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
