using System.Security.Cryptography;
using Approval.Identity;
using Approval.Identity.Clients;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Approval.Integration.Tests;

/// <summary>
/// Identity's startup checks (issue 13): outside Development it refuses to start without its own signing and encryption
/// keys, and with demo seeding, the demo TOTP key or the retired shared department secret; Development is unaffected.
/// Also the grace rule of a rotated client secret.
/// </summary>
public sealed class IdentityStartupChecksTests
{
    private static readonly string SigningKey = RSA.Create(2048).ExportRSAPrivateKeyPem();
    private static readonly string EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    private static IHostEnvironment In(string environment) => new Env { EnvironmentName = environment };

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Without_keys_identity_refuses_to_start_outside_Development(string environment)
    {
        var error = Assert.Throws<InvalidOperationException>(() => StartupChecks.ThrowIfUnsafe(Settings(), In(environment)));
        Assert.Contains("Approval:Identity:SigningKey", error.Message);
        Assert.Contains("Approval:Identity:EncryptionKey", error.Message);
        Assert.Contains(environment, error.Message);
    }

    [Theory]
    [InlineData("Approval:Identity:SeedDemo", "true")]
    [InlineData("Approval:Identity:DemoTotpKey", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")]
    [InlineData("Approval:Identity:DepartmentClientSecret", "dept-system-demo-secret")]
    public void Demo_settings_are_refused_outside_Development_even_with_keys(string key, string value)
    {
        var settings = Settings(("Approval:Identity:SigningKey", SigningKey), ("Approval:Identity:EncryptionKey", EncryptionKey), (key, value));
        var problem = Assert.Single(StartupChecks.Problems(settings, In("Production")));
        Assert.Contains(key, problem);
        Assert.Throws<InvalidOperationException>(() => StartupChecks.ThrowIfUnsafe(settings, In("Production")));
    }

    [Fact]
    public void A_deployment_with_its_own_keys_and_no_demo_settings_starts_and_Development_needs_nothing()
    {
        Assert.Empty(StartupChecks.Problems(Settings(("Approval:Identity:SigningKey", SigningKey), ("Approval:Identity:EncryptionKey", EncryptionKey)), In("Production")));
        Assert.Empty(StartupChecks.Problems(Settings(("Approval:Identity:SeedDemo", "true"), ("Approval:Identity:DemoTotpKey", "K")), In("Development")));
    }

    [Fact]
    public void A_rotated_secret_is_accepted_strictly_before_the_end_of_its_grace_period()
    {
        var until = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        Assert.True(SecretGrace.Accepts(until, until.AddTicks(-1)));
        Assert.False(SecretGrace.Accepts(until, until));
        Assert.False(SecretGrace.Accepts(until, until.AddHours(1)));
        Assert.False(SecretGrace.Accepts(null, until.AddYears(-1)));
    }

    private sealed class Env : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";
        public string ApplicationName { get; set; } = "Approval.Identity";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
