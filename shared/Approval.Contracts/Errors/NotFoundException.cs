namespace Approval.Contracts.Errors;

/// <summary>An unknown id (404).</summary>
public sealed class NotFoundException(string what, string id)
    : DomainException($"{what} '{id}' was not found.", $"未找到{what}“{id}”。");
