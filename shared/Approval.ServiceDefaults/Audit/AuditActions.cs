namespace Approval.ServiceDefaults.Audit;

/// <summary>What an audit record says happened.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string TokenIssued = "token-issued";
    public const string AccessDenied = "access-denied";
    public const string StateChange = "state-change";
    public const string AccountChange = "account-change";
}
