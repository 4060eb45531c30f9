namespace Approval.Intake.Domain;

/// <summary>One item of a 补正 list: the material or form field concerned and what is wrong with it.</summary>
public sealed record Correction(string Subject, string Problem);
