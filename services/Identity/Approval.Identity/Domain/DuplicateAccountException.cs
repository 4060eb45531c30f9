namespace Approval.Identity.Domain;

/// <summary>The user name or real-name number is taken (409), also when two registrations race each other.</summary>
public sealed class DuplicateAccountException()
    : DomainException("An account with this user name or number already exists.", "该用户名或证件号码已注册。");
