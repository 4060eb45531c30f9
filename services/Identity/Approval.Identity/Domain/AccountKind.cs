namespace Approval.Identity.Domain;

public enum AccountKind
{
    /// <summary>自然人.</summary>
    Person = 1,
    /// <summary>法人（企业）.</summary>
    Enterprise = 2,
    /// <summary>Staff of an organisation (窗口、部门、监管、管理员…).</summary>
    Staff = 3,
}
