using System.Text;
using Approval.Licences.Sealing;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Security;

namespace Approval.UnitTests;

/// <summary>The examples of GB/T 32905 (SM3) and GB/T 32918 / GM/T 0003 (SM2) reproduce exactly.</summary>
public sealed class Sm2Sm3StandardVectorTests
{
    private static readonly byte[] Message = Encoding.ASCII.GetBytes("message digest");

    [Theory]
    [InlineData("abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")]
    [InlineData("abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd", "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")]
    public void Sm3_digests_match_the_standard_examples(string input, string expected) =>
        Assert.Equal(expected, Sm3.Hex(Encoding.ASCII.GetBytes(input)));

    [Fact]
    public void Sm2_signature_on_sm2p256v1_with_the_standard_k_matches_the_published_r_and_s()
    {
        var d = Convert.FromHexString("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8");
        var expectedPublic = Convert.FromHexString("04" + "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"
            + "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13");
        Assert.Equal(expectedPublic, Sm2.PublicKeyOf(d));

        var k = Convert.FromHexString("59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21");
        var signature = Sm2.Sign(d, Message, new SecureRandom(new FixedRandom(k)));

        var (r, s) = Decode(signature);
        Assert.Equal(new BigInteger("F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3", 16), r);
        Assert.Equal(new BigInteger("B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA", 16), s);
        Assert.True(Sm2.Verify(expectedPublic, Message, signature));
        Assert.False(Sm2.Verify(expectedPublic, Encoding.ASCII.GetBytes("message digest."), signature));
    }

    [Fact]
    public void Sm2_signature_of_the_gmt_0003_example_curve_with_id_alice_matches_the_published_r_and_s()
    {
        var curve = new FpCurve(
            new BigInteger("8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3", 16),
            new BigInteger("787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498", 16),
            new BigInteger("63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A", 16),
            new BigInteger("8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7", 16), BigInteger.One);
        var g = curve.CreatePoint(new BigInteger("421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D", 16),
            new BigInteger("0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2", 16));
        var domain = new ECDomainParameters(curve, g, curve.Order);
        var d = new BigInteger("128B2FA8BD433C6C068C8D803DFF79792A519A55171B1B650C23661D15897263", 16);
        var publicPoint = g.Multiply(d).Normalize();
        Assert.Equal(new BigInteger("0AE4C7798AA0F119471BEE11825BE46202BB79E2A5844495E97C04FF4DF2548A", 16), publicPoint.AffineXCoord.ToBigInteger());
        var id = Encoding.ASCII.GetBytes("ALICE123@YAHOO.COM");
        var k = Convert.FromHexString("6CB28D99385C175C94F94E934817663FC176D925DD72B727260DBAAE1FB2F96F");

        var signer = new SM2Signer(new SM3Digest());
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(new ECPrivateKeyParameters(d, domain), new SecureRandom(new FixedRandom(k))), id));
        signer.BlockUpdate(Message, 0, Message.Length);
        var (r, s) = Decode(signer.GenerateSignature());

        Assert.Equal(new BigInteger("40F1EC59F793D9F49E09DCEF49130D4194F79FB1EED2CAA55BACDB49C4E755D1", 16), r);
        Assert.Equal(new BigInteger("6FC6DAC32C5D5CF10C77DFB20F7C2EB667A457872FB09EC56327A67EC7DEEBE7", 16), s);
    }

    [Fact]
    public void A_fresh_key_pair_signs_and_verifies_and_a_malformed_signature_is_simply_invalid()
    {
        var (d, p) = Sm2.GenerateKeyPair();
        var signature = Sm2.Sign(d, Message);
        Assert.True(Sm2.Verify(p, Message, signature));
        Assert.False(Sm2.Verify(p, Message, [1, 2, 3]));
        Assert.False(Sm2.Verify([4, 5], Message, signature));
        Assert.False(Sm2.Verify(Sm2.GenerateKeyPair().PublicKey, Message, signature));
    }

    private static (BigInteger R, BigInteger S) Decode(byte[] der)
    {
        var sequence = (Asn1Sequence)Asn1Object.FromByteArray(der);
        return (((DerInteger)sequence[0]).Value, ((DerInteger)sequence[1]).Value);
    }
}
