using Approval.Licences.Domain;

namespace Approval.Licences.Sealing;

/// <summary>Signs with a seal's private key, decrypted only for the signature and cleared at once.</summary>
public sealed class SealSigner(KeyProtector protector)
{
    public byte[] Sign(Seal seal, byte[] message)
    {
        var key = protector.Unprotect(seal.EncryptedPrivateKey, seal.Id);
        try { return Sm2.Sign(key, message); }
        finally { Array.Clear(key); }
    }
}
