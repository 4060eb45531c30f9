using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Approval.Identity;

/// <summary>
/// The keys every replica must share: Approval:Identity:SigningKey (an RSA private key, PEM) signs the
/// tokens, Approval:Identity:EncryptionKey (base64, 32 bytes) protects codes and refresh tokens. Without
/// them (local development only) OpenIddict's development certificates, kept in the user's certificate
/// store, are used: they survive restarts and are shared by replicas on one machine.
/// </summary>
public static class SigningKeys
{
    public static void Configure(OpenIddictServerBuilder server, IConfiguration configuration)
    {
        var signing = configuration["Approval:Identity:SigningKey"];
        var encryption = configuration["Approval:Identity:EncryptionKey"];
        if (string.IsNullOrWhiteSpace(signing)) server.AddDevelopmentSigningCertificate();
        else
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(signing);
            server.AddSigningKey(new RsaSecurityKey(rsa) { KeyId = Convert.ToHexString(SHA256.HashData(rsa.ExportRSAPublicKey()))[..16] });
        }
        if (string.IsNullOrWhiteSpace(encryption)) server.AddDevelopmentEncryptionCertificate();
        else server.AddEncryptionKey(new SymmetricSecurityKey(Convert.FromBase64String(encryption)));
    }
}
