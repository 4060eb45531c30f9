namespace Approval.Licences.Domain;

/// <summary>ISO 7064 MOD 37,36 (hybrid system, M = 36, alphabet 0–9 A–Z): the check character of GB/T 36904.</summary>
public static class Mod37_36
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const int M = 36;

    /// <summary>The check character for <paramref name="payload"/> (characters of the alphabet only, upper case).</summary>
    public static char Compute(string payload)
    {
        var p = M;
        foreach (var c in payload)
        {
            var value = Alphabet.IndexOf(c);
            if (value < 0) throw new ArgumentException($"'{c}' is not in the MOD 37,36 alphabet (0-9, A-Z)", nameof(payload));
            var s = (p + value) % M;
            if (s == 0) s = M;
            p = s * 2 % (M + 1);
        }
        return Alphabet[(M + 1 - p) % M];
    }
}
