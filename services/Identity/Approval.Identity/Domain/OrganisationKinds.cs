namespace Approval.Identity.Domain;

/// <summary>The kinds of organisation a region admin manages.</summary>
public static class OrganisationKinds
{
    public const string Department = "department";
    public const string Window = "window";
    public const string ReviewAgency = "review-agency";
    public const string Intermediary = "intermediary";
    public const string Utility = "utility";
    public const string Supervision = "supervision";

    public static readonly string[] All = [Department, Window, ReviewAgency, Intermediary, Utility, Supervision];
}
