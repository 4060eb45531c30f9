namespace Approval.Contracts.Errors;

/// <summary>Collects every field error of a request so the caller learns all of them at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new();

    public FieldErrors Require(bool ok, string field, string english, string chinese) =>
        ok ? this : Add(field, $"{english} / {chinese}");

    /// <summary>Adds a message that already carries both languages.</summary>
    public FieldErrors Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public void ThrowIfAny()
    {
        if (errors.Count > 0) throw new ValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
