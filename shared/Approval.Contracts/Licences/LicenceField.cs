namespace Approval.Contracts.Licences;

/// <summary>
/// 照面信息: one content field of a certificate as the catalog declares it for the licence type, with its value once known.
/// Type is one of <see cref="LicenceFieldRules.Types"/>; Source says where the value comes from, alternatives separated
/// by "|" and the first one known wins: "form:&lt;stage-form field&gt;", "project.name", "project.code", "applicant" (the
/// holder's name), "department" (the issuing department's name), "decision" (the department states it when it concludes).
/// </summary>
public sealed record LicenceField(string Name, string Type, bool Required, string Source, string? Value = null);
