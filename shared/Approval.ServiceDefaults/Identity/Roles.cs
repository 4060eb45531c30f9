namespace Approval.ServiceDefaults.Identity;

/// <summary>The roles of ../shared/spec/REQUIREMENTS.md that the skeleton uses, and the policies named after them.</summary>
public static class Roles
{
    public const string Applicant = "applicant";
    public const string Window = "window";
    public const string Department = "department";
}
