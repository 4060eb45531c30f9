namespace Approval.Intake.Domain;

/// <summary>An item applied for, as the catalog described it when the application was received.</summary>
public sealed record ApplicationItem(
    string ItemCode,
    string ItemName,
    string DepartmentCode,
    string DepartmentName,
    string DepartmentCreditCode,
    int TimeLimitWorkingDays,
    string? LicenceTypeCode,
    string? LicenceName);
