using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Approval.Licences.Sealing;

/// <summary>
/// Encrypts seal private keys at rest with SM4-GCM (GB/T 32907) under the 128-bit key-encryption key from
/// configuration. The stored form is nonce (12 bytes) followed by ciphertext and tag; the seal id is bound as
/// associated data so an encrypted key cannot be moved to another seal record.
/// </summary>
public sealed class KeyProtector
{
    private const int NonceSize = 12;
    private readonly byte[] key;

    public KeyProtector(byte[] key)
    {
        if (key.Length != 16) throw new ArgumentException("The seal key-encryption key must be 16 bytes (SM4-128).", nameof(key));
        this.key = key;
    }

    public byte[] Protect(byte[] plaintext, Guid sealId)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var sealed_ = Run(true, nonce, plaintext, sealId);
        return [.. nonce, .. sealed_];
    }

    /// <summary>The plaintext; throws <see cref="CryptographicException"/> when the key is wrong or the data altered.</summary>
    public byte[] Unprotect(byte[] protectedData, Guid sealId)
    {
        if (protectedData.Length <= NonceSize) throw new CryptographicException("protected key too short");
        try
        {
            return Run(false, protectedData[..NonceSize], protectedData[NonceSize..], sealId);
        }
        catch (Org.BouncyCastle.Crypto.InvalidCipherTextException e)
        {
            throw new CryptographicException("The seal key cannot be decrypted: wrong key-encryption key or altered data.", e);
        }
    }

    private byte[] Run(bool encrypt, byte[] nonce, byte[] input, Guid sealId)
    {
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(encrypt, new AeadParameters(new KeyParameter(key), 128, nonce, sealId.ToByteArray()));
        var output = new byte[gcm.GetOutputSize(input.Length)];
        var n = gcm.ProcessBytes(input, 0, input.Length, output, 0);
        n += gcm.DoFinal(output, n);
        return output[..n];
    }
}
