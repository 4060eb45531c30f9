namespace Approval.Identity;

/// <summary>
/// Development keys and demo data never outside Development (issue 13). In any other environment Identity refuses to
/// start without its own signing and encryption keys (else OpenIddict's development certificates would sign the
/// tokens), and with demo seeding, the shared demo TOTP key or the retired one-secret-for-all department setting.
/// </summary>
public static class StartupChecks
{
    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment()) return [];
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(configuration["Approval:Identity:SigningKey"]))
            problems.Add("Approval:Identity:SigningKey (an RSA private key, PEM) is not set: development signing certificates are for Development only.");
        if (string.IsNullOrWhiteSpace(configuration["Approval:Identity:EncryptionKey"]))
            problems.Add("Approval:Identity:EncryptionKey (base64 of 32 bytes) is not set: development encryption certificates are for Development only.");
        if (configuration.GetValue<bool>("Approval:Identity:SeedDemo"))
            problems.Add("Approval:Identity:SeedDemo is set: the demo accounts and their shared password are for Development only.");
        if (!string.IsNullOrWhiteSpace(configuration["Approval:Identity:DemoTotpKey"]))
            problems.Add("Approval:Identity:DemoTotpKey is set: a shared authenticator key is for Development only.");
        if (!string.IsNullOrWhiteSpace(configuration["Approval:Identity:DepartmentClientSecret"]))
            problems.Add("Approval:Identity:DepartmentClientSecret is no longer read: give each department system its own secret, " +
                         "Approval:Identity:DepartmentClients:<CODE>:Secret (docs/identity.md).");
        return problems;
    }

    /// <summary>Stops the start with every problem named, in the environment's terms.</summary>
    public static void ThrowIfUnsafe(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = Problems(configuration, environment);
        if (problems.Count > 0)
            throw new InvalidOperationException(
                $"Identity refuses to start in the {environment.EnvironmentName} environment:{Environment.NewLine}- {string.Join($"{Environment.NewLine}- ", problems)}");
    }
}
