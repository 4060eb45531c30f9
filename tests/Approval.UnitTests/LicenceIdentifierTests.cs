using Approval.Licences.Domain;

namespace Approval.UnitTests;

public sealed class LicenceIdentifierTests
{
    // Worked by hand (ISO 7064 MOD 37,36: start p = 36; per character s = (p + v) mod 36, 0 → 36; p = 2s mod 37;
    // check = (37 − p) mod 36; alphabet 0–9 = 0–9, A–Z = 10–35):
    //   "0":   s = 36, p = 72 mod 37 = 35                                  → (37 − 35) mod 36 = 2  → '2'
    //   "A1":  'A' s = 10, p = 20; '1' s = 21, p = 42 mod 37 = 5           → 32                    → 'W'
    //   "B7Z": 'B' s = 11, p = 22; '7' s = 29, p = 21; 'Z' s = 56 mod 36 = 20, p = 3 → 34          → 'Y'
    [Theory]
    [InlineData("0", '2')]
    [InlineData("A1", 'W')]
    [InlineData("B7Z", 'Y')]
    public void Check_characters_match_the_hand_worked_examples(string payload, char expected) =>
        Assert.Equal(expected, Mod37_36.Compute(payload));

    [Fact]
    public void The_published_GB_T_36904_example_verifies()
    {
        const string published = "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U";
        Assert.Null(LicenceIdentifier.Problem(published));
        Assert.Equal(published, LicenceIdentifier.Create("11100000000013338W011", "11430000006122244L", "20230000403", 1));
    }

    [Theory]
    [InlineData("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.V")]
    [InlineData("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000413.001.U")]
    public void A_wrong_check_character_or_a_changed_digit_is_rejected_naming_the_rule(string identifier)
    {
        var problem = LicenceIdentifier.Problem(identifier);
        Assert.NotNull(problem);
        Assert.Contains("MOD 37,36", problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.2.156.3005.2.X.11430000006122244L.20230000403.01.U")]
    [InlineData("2.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U")]
    [InlineData("1.2.156.3005.2.11100000000013338W011.1143000000612224.20230000403.001.U")]
    public void A_malformed_identifier_is_rejected(string identifier) => Assert.NotNull(LicenceIdentifier.Problem(identifier));

    [Fact]
    public void Every_single_character_change_of_the_payload_is_detected()
    {
        var id = LicenceIdentifier.Create("11100000MB0000001T001", "11320193MB0001001K", "20260000001", 1);
        var payloadStart = LicenceIdentifier.Prefix.Length + 1;
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (var i = payloadStart; i < id.Length - 2; i++)
        {
            if (id[i] == '.') continue;
            foreach (var c in alphabet.Where(c => c != id[i]))
            {
                var changed = id[..i] + c + id[(i + 1)..];
                if (LicenceIdentifier.Problem(changed) is null)
                    Assert.Fail($"changing position {i} to '{c}' went unnoticed: {changed}");
            }
        }
    }
}
