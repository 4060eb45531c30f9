using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Approval.Identity.Clients;

/// <summary>
/// A department system's public keys for private_key_jwt, as a JSON Web Key Set ({"keys": [...]}): at most 5 keys, each
/// an RSA (at least 2048 bits) or EC (P-256/384/521) public key; a private key ("d") is refused, it must never leave the
/// department. An empty set removes the keys.
/// </summary>
public static class ClientKeys
{
    public const int MaxKeys = 5;

    public static JsonWebKeySet Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
            throw Invalid("must be a JSON Web Key Set: {\"keys\": [ … ]}", "应为JSON Web Key Set格式");
        if (keys.GetArrayLength() > MaxKeys) throw Invalid($"at most {MaxKeys} keys", $"最多{MaxKeys}个公钥");
        var set = new JsonWebKeySet();
        foreach (var element in keys.EnumerateArray())
        {
            JsonWebKey key;
            try { key = new JsonWebKey(element.GetRawText()); }
            catch (Exception e) when (e is ArgumentException or JsonException or FormatException) { throw Invalid("a key is not a JSON Web Key", "公钥格式不正确"); }
            if (key.HasPrivateKey || !string.IsNullOrEmpty(key.D))
                throw Invalid("a private key was sent: register the public key only", "只能登记公钥，不得提交私钥");
            if (!Usable(key)) throw Invalid("each key must be an RSA key of at least 2048 bits or an EC key on P-256, P-384 or P-521",
                "公钥须为至少2048位的RSA或P-256/P-384/P-521椭圆曲线公钥");
            set.Keys.Add(key);
        }
        return set;
    }

    private static bool Usable(JsonWebKey key)
    {
        try
        {
            return key.Kty switch
            {
                JsonWebAlgorithmsKeyTypes.RSA => !string.IsNullOrEmpty(key.N) && !string.IsNullOrEmpty(key.E) && Base64UrlEncoder.DecodeBytes(key.N).Length >= 256,
                JsonWebAlgorithmsKeyTypes.EllipticCurve => key.Crv is "P-256" or "P-384" or "P-521" && !string.IsNullOrEmpty(key.X) && !string.IsNullOrEmpty(key.Y),
                _ => false,
            };
        }
        catch (FormatException) { return false; }
    }

    private static ValidationException Invalid(string english, string chinese) => ValidationException.For("keys", english, chinese);
}
