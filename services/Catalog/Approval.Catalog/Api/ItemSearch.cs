using Approval.Catalog.Domain;

namespace Approval.Catalog.Api;

/// <summary>Keyword search: every whitespace-separated term must occur in the item's code, name, department, legal basis or licence.</summary>
public static class ItemSearch
{
    public static bool Matches(ItemDefinition item, string departmentName, string query)
    {
        var text = string.Join(' ', item.Code, item.Name, departmentName, item.LegalBasis, item.Licence?.Name);
        return query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(term => text.Contains(term, StringComparison.OrdinalIgnoreCase));
    }
}
