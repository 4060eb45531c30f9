namespace Approval.Licences.Archives;

/// <summary>The four checks of GB/T 18894 (真实性, 完整性, 可用性, 安全性), each with the files that failed and why.</summary>
public sealed record ArchiveCheckResult(bool Passed, CheckOutcome Authenticity, CheckOutcome Integrity, CheckOutcome Usability, CheckOutcome Security)
{
    public IEnumerable<ArchiveFailure> Failures =>
        Authenticity.Failures.Concat(Integrity.Failures).Concat(Usability.Failures).Concat(Security.Failures);
}

public sealed record CheckOutcome(string Name, bool Passed, IReadOnlyList<ArchiveFailure> Failures)
{
    public static CheckOutcome Of(string name, List<ArchiveFailure> failures) => new(name, failures.Count == 0, failures);
}

public sealed record ArchiveFailure(string Check, string File, string Reason);
