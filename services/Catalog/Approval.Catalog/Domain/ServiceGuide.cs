namespace Approval.Catalog.Domain;

/// <summary>办事指南: conditions, procedure, contacts and the FAQ the department maintains.</summary>
public sealed record ServiceGuide(
    IReadOnlyList<string>? Conditions = null,
    IReadOnlyList<string>? Procedure = null,
    GuideContacts? Contacts = null,
    IReadOnlyList<FaqEntry>? Faq = null);

public sealed record GuideContacts(string? Phone, string? Address, string? Hours);

public sealed record FaqEntry(string Question, string Answer);
