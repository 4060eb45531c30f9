using Approval.Contracts.Codes;

namespace Approval.UnitTests;

public sealed class CodeCheckCharacterTests
{
    // GB 32100: the example 91350100M000100Y4 + '3' is the commonly cited valid code; 11430000006122244L is the
    // issuer of GB/T 36904's published licence example. Our demo departments' codes are valid too.
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("11430000006122244L")]
    [InlineData("11320193MB0001001K")]
    [InlineData("11320193MB0001002N")]
    public void Known_credit_codes_are_valid(string code) => Assert.Null(UnifiedSocialCreditCode.Problem(code));

    [Theory]
    [InlineData("91350100M000100Y44", "check character must be '3'")]
    [InlineData("11430000006122244I", "without I, O, S, V, Z")]
    [InlineData("1143000000612224", "18 characters")]
    [InlineData(null, "18 characters")]
    public void Bad_credit_codes_name_the_rule(string? code, string rule) =>
        Assert.Contains(rule, UnifiedSocialCreditCode.Problem(code));

    // GB 11643's own example: 11010519491231002X (Beijing, born 1949-12-31). By hand: Σ digit·weight = 1·7+1·9+0·10+1·5+0·8+5·4
    // +1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167; 167 mod 11 = 2 → "10X98765432"[2] = 'X'.
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("440524198001010013")]
    public void Known_resident_id_numbers_are_valid(string number) => Assert.Null(ResidentIdNumber.Problem(number));

    [Theory]
    [InlineData("110105194912310021", "check character must be 'X'")]
    [InlineData("110105194913310029", "birth date")]
    [InlineData("11010519491231002", "17 digits")]
    [InlineData("11010519491231002Y", "17 digits")]
    public void Bad_resident_id_numbers_name_the_rule(string number, string rule) =>
        Assert.Contains(rule, ResidentIdNumber.Problem(number));
}
