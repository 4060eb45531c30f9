namespace Approval.Contracts;

/// <summary>
/// 办理状态: the item-instance processing status codes of the national data exchange
/// (../shared/spec/DOMAIN.md). The numeric values are the exchange codes; never renumber.
/// </summary>
public enum ProcessingStatus
{
    Received = 1,
    Withdrawn = 2,
    Accepted = 3,
    NotAccepted = 4,
    Refused = 5,
    CorrectionStarted = 6,
    CorrectionEnded = 7,
    DepartmentStarted = 8,
    SpecialProcedureStarted = 9,
    SpecialProcedureEnded = 10,
    Approved = 11,
    ApprovedWithMaterialsToFollow = 12,
    NotApproved = 13,
    Recalled = 14,
    Revoked = 15,
}
