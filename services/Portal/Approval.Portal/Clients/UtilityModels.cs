namespace Approval.Portal.Clients;

/// <summary>一表申请 as the Utilities service takes it (docs/utilities.md): the field names are the API's, for its errors.</summary>
public sealed record UtilityApplyForm(string? EngineeringCode, string? Address, List<UtilityApplyLine> Requests);

public sealed record UtilityApplyLine(string? UtilityCode, string? ServiceType, string? RequestType, string? Demand);

public sealed record UtilityProviderView(string Code, string Name, List<UtilityServiceTypeView> ServiceTypes, string Guide, string FeeStandard);
public sealed record UtilityServiceTypeView(string Code, string Name, List<UtilityStepPlanView> Steps);
public sealed record UtilityStepPlanView(int No, string Name, string Kind, int LimitWorkingDays);

public sealed record UtilityStepView(int No, string Name, string Kind, int LimitWorkingDays, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt,
    string? Handler, string? Result, Clock? Clock);

public sealed record UtilitySupplementView(int StepNo, string Reason, DateTimeOffset RequestedAt, string? RequestedBy, DateTimeOffset? AnsweredAt, string? Answer);

public sealed record UtilityRequestView(Guid Id, Guid ApplicationId, string ProjectCode, string ProjectName, string EngineeringCode, string ApplicantName,
    string UtilityCode, string UtilityName, string ServiceType, string ServiceTypeName, string RequestType, string? Demand, DateTimeOffset AppliedAt,
    string Status, int? CurrentStepNo, string? CurrentStepName, string? ConnectionPlan, decimal? Fee, string? EarlyPlan, DateTimeOffset? EarlyPlanAt,
    DateTimeOffset? ConnectedAt, List<UtilityStepView> Steps, List<UtilitySupplementView> Supplements)
{
    public UtilitySupplementView? OpenSupplement => Supplements.FirstOrDefault(s => s.AnsweredAt is null);
    public UtilityStepView? Current => Steps.FirstOrDefault(s => s.No == CurrentStepNo);
    public bool IsConnectedView() => ConnectedAt is not null;
}

public sealed record UtilityApplicationView(Guid Id, string ProjectCode, string ProjectName, string EngineeringCode, string Address, DateTimeOffset AppliedAt,
    List<UtilityRequestView> Requests);

/// <summary>A project's design material as Intake shows it to a utility that the project applied to .</summary>
public sealed record DesignMaterialView(Guid? ApplicationId, string StageName, string Name, Guid MaterialId, string FileName, string ContentType,
    long Size, string Sha256, DateTimeOffset AttachedAt);
