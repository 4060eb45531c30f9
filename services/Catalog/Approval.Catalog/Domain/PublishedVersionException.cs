namespace Approval.Catalog.Domain;

/// <summary>A published version is immutable (409): a change needs a new version.</summary>
public sealed class PublishedVersionException(string code, int version)
    : DomainException(
        $"Version {version} of item {code} is published and cannot be changed; create a new version.",
        $"事项{code}的第{version}版已发布，不可修改，请创建新版本。");
