namespace Approval.Catalog.Domain;

/// <summary>An item has at most one draft at a time (409).</summary>
public sealed class DraftExistsException(string code, int version)
    : DomainException(
        $"Item {code} already has a draft (version {version}); edit or publish it first.",
        $"事项{code}已有草稿（第{version}版），请先修改或发布该草稿。");
