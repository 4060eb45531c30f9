namespace Approval.Calendar;

/// <summary>
/// A region's warning rule: a clock turns 预警 when the working days left are at most
/// <see cref="Fraction"/> of its limit, or at most <see cref="WorkingDays"/> (e.g. 20 % or 2 days).
/// </summary>
public sealed record WarningThreshold(double Fraction, int WorkingDays)
{
    public static readonly WarningThreshold Default = new(0.2, 2);

    public bool IsWarning(int remaining, int limit) => remaining <= WorkingDays || remaining <= Fraction * limit;
}
