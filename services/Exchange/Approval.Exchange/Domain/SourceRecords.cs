namespace Approval.Exchange.Domain;

/// <summary>A project as Projects announced it (登记 / 修改): what the project table's rows are built from, one per engineering code.</summary>
public sealed class ProjectRecord
{
    public required string Code { get; init; }
    public required string RegionCode { get; set; }
    public required string Name { get; set; }
    public required string Address { get; set; }
    public required string DivisionCode { get; set; }
    public decimal Longitude { get; set; }
    public decimal Latitude { get; set; }
    public decimal TotalInvestment { get; set; }
    public int ProjectType { get; set; }
    public int ConstructionNature { get; set; }
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedEnd { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    /// <summary>The registering applicant's name: the 委托人 of the project's intermediary services.</summary>
    public string? OwnerName { get; set; }

    /// <summary>Takes the basic information as registered or as the owner corrected it (the code and owner never change).</summary>
    public void Describe(string name, string address, string divisionCode, decimal longitude, decimal latitude, decimal totalInvestment,
        int projectType, int constructionNature, DateOnly? plannedStart, DateOnly? plannedEnd)
    {
        (Name, Address, DivisionCode, Longitude, Latitude, TotalInvestment) = (name, address, divisionCode, longitude, latitude, totalInvestment);
        (ProjectType, ConstructionNature, PlannedStart, PlannedEnd) = (projectType, constructionNature, plannedStart, plannedEnd);
    }
}

/// <summary>An engineering code (工程代码) of a project, with the flow its applications run under once one was accepted.</summary>
public sealed class EngineeringRecord
{
    public required string Code { get; init; }
    public required string ProjectCode { get; init; }
    public required string RegionCode { get; init; }
    public required string Name { get; init; }
    public int PhaseNo { get; init; }
    public string? PreviousCode { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public string? FlowCode { get; set; }
    public int? FlowVersion { get; set; }
    public string? FlowType { get; set; }
}

/// <summary>An accepted application (受理) with its items: what the item-instance rows need besides the status changes.</summary>
public sealed class CaseRecord
{
    public Guid ApplicationId { get; init; }
    public required string RegionCode { get; init; }
    public required string ProjectCode { get; set; }
    public string? EngineeringCode { get; set; }
    public string? FlowCode { get; set; }
    public int? FlowVersion { get; set; }
    /// <summary>online, counter or mail (ApplicationReceived); null until known (then 受理方式 1 窗口受理).</summary>
    public string? Channel { get; set; }
    public List<CaseItem> Items { get; set; } = [];
    public DateTimeOffset? AcceptedAt { get; set; }
}

/// <summary>One item of an accepted application as the catalog described it then.</summary>
public sealed record CaseItem(string ItemCode, int ItemVersion, string DepartmentCode, string DepartmentName, int TimeLimitWorkingDays);
