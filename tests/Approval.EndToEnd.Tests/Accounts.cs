using System.Net.Http.Headers;
using Approval.Contracts.Codes;

namespace Approval.EndToEnd.Tests;

/// <summary>Fresh accounts and raw bearer requests for the identity tests.</summary>
public static class Accounts
{
    /// <summary>The demo region's administrative division code (regions/320193).</summary>
    public const string DemoRegion = "320193";

    public const string DemoPassword = "Demo#2026pass";
    /// <summary>The seeded region admin's password (AppHost: Approval:Identity:AdminPassword); staff sign in with a TOTP code too.</summary>
    public const string AdminPassword = "Admin#2026pass";
    /// <summary>The authenticator key of the seeded staff (admin, window-demo, dept-…, supervisor-demo) in local development.</summary>
    public const string DemoTotpKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /// <summary>Serials of this process's new numbers: one after another from a random start, so no two calls draw the same one.</summary>
    private static long serial = Random.Shared.Next(0, 10_000_000);

    /// <summary>
    /// A valid resident ID number (GB 11643) that no other test of this process uses: a birth date from 1960-01-01 on
    /// and a sequence number, both from the next serial, and the computed check digit.
    /// </summary>
    public static string NewResidentIdNumber()
    {
        var next = Interlocked.Increment(ref serial) % 10_000_000;
        var born = new DateOnly(1960, 1, 1).AddDays((int)(next / 1000));
        var first17 = $"320193{born:yyyyMMdd}{next % 1000:D3}";
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }

    /// <summary>A valid unified social credit code (GB 32100) that no other test of this process uses.</summary>
    public static string NewCreditCode()
    {
        var first17 = $"91320193MA{Interlocked.Increment(ref serial) % 10_000_000:D7}";
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    public static string NewUserName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    public static HttpRequestMessage Bearer(HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }
}
