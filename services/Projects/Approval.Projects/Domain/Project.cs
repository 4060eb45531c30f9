using Approval.Contracts.Codes;

namespace Approval.Projects.Domain;

/// <summary>A construction project (项目) under its investment project code, owned by the applicant who registered it.</summary>
public sealed class Project
{
    // China's extent in WGS-84 degrees: a coordinate outside it is a typing error, not a site.
    public const decimal MinLongitude = 73m, MaxLongitude = 136m, MinLatitude = 3m, MaxLatitude = 54m;

    public Guid Id { get; private set; }
    public required string Code { get; init; }
    public required string RegionCode { get; init; }
    public string Name { get; private set; } = "";
    public required string OwnerId { get; init; }
    public required string OwnerName { get; init; }
    public string Address { get; private set; } = "";
    public string DivisionCode { get; private set; } = "";
    public decimal Longitude { get; private set; }
    public decimal Latitude { get; private set; }
    /// <summary>总投资 in 万元.</summary>
    public decimal TotalInvestment { get; private set; }
    public int ProjectType { get; private set; }
    public int ConstructionNature { get; private set; }
    /// <summary>拟开工时间: optional, but given together with <see cref="PlannedEnd"/> and before it.</summary>
    public DateOnly? PlannedStart { get; private set; }
    /// <summary>拟建成时间.</summary>
    public DateOnly? PlannedEnd { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    /// <summary>The highest phase number generated so far (0 before the first engineering code).</summary>
    public int LastPhaseNo { get; private set; }
    /// <summary>PostgreSQL xmin: optimistic concurrency.</summary>
    public uint Version { get; private set; }

    /// <summary>Checks every field (all failures at once, 400) and registers the project in the deployment's region.</summary>
    public static Project Register(ProjectRegistration r, string regionCode, string ownerId, string ownerName, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (InvestmentProjectCode.Problem(r.ProjectCode, regionCode) is { } codeProblem) errors.Add("projectCode", codeProblem);
        Check(r.Details, regionCode, errors);
        errors.ThrowIfAny();
        var project = new Project
        {
            Id = Guid.CreateVersion7(now), Code = r.ProjectCode!, RegionCode = regionCode,
            OwnerId = ownerId, OwnerName = ownerName, RegisteredAt = now,
        };
        project.Apply(r.Details);
        return project;
    }

    /// <summary>The owner corrects the basic information: the same checks as at registration (400); code and owner stay.</summary>
    public void Correct(ProjectDetails d)
    {
        var errors = new FieldErrors();
        Check(d, RegionCode, errors);
        errors.ThrowIfAny();
        Apply(d);
    }

    private static void Check(ProjectDetails r, string regionCode, FieldErrors errors)
    {
        errors.Require(Text(r.Name, 200), "name", "is required, at most 200 characters", "项目名称必填，最多200字");
        errors.Require(Text(r.Address, 300), "address", "is required, at most 300 characters", "建设地点必填，最多300字");
        errors.Require(r.DivisionCode is not null && InvestmentProjectCode.InRegion(r.DivisionCode, regionCode), "divisionCode",
            $"must be a 6-digit division code within region {regionCode} (GB/T 2260)", $"行政区划代码应为本地区（{regionCode}）内的6位代码");
        errors.Require(r.Longitude is >= MinLongitude and <= MaxLongitude, "longitude",
            $"must be between {MinLongitude} and {MaxLongitude} degrees east", $"经度应在{MinLongitude}至{MaxLongitude}之间");
        errors.Require(r.Latitude is >= MinLatitude and <= MaxLatitude, "latitude",
            $"must be between {MinLatitude} and {MaxLatitude} degrees north", $"纬度应在{MinLatitude}至{MaxLatitude}之间");
        errors.Require(r.TotalInvestment is > 0 and < 100_000_000m, "totalInvestment",
            "must be positive, in 10,000 yuan", "总投资（万元）必须大于0");
        errors.Require(r.ProjectType is { } t && CodeLists.ProjectTypes.ContainsKey(t), "projectType",
            $"must be one of {CodeLists.Describe(CodeLists.ProjectTypes)}", $"项目类型应为：{CodeLists.Describe(CodeLists.ProjectTypes)}");
        errors.Require(r.ConstructionNature is { } n && CodeLists.ConstructionNatures.ContainsKey(n), "constructionNature",
            $"must be one of {CodeLists.Describe(CodeLists.ConstructionNatures)}", $"建设性质应为：{CodeLists.Describe(CodeLists.ConstructionNatures)}");
        PlannedDates.Check(r.PlannedStart, r.PlannedEnd, errors);
    }

    private void Apply(ProjectDetails d)
    {
        Name = d.Name!.Trim();
        Address = d.Address!.Trim();
        DivisionCode = d.DivisionCode!;
        Longitude = d.Longitude!.Value;
        Latitude = d.Latitude!.Value;
        TotalInvestment = d.TotalInvestment!.Value;
        ProjectType = d.ProjectType!.Value;
        ConstructionNature = d.ConstructionNature!.Value;
        PlannedStart = d.PlannedStart;
        PlannedEnd = d.PlannedEnd;
    }

    /// <summary>
    /// Generates the next phase's engineering code. It links to <paramref name="previousCode"/> when given (it must be one
    /// of this project's codes), else to the latest code generated so far; the first phase links to none.
    /// </summary>
    public Engineering IssueEngineeringCode(string? name, string? previousCode, IReadOnlyCollection<Engineering> issued, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        errors.Require(Text(name, 200), "name", "is required, at most 200 characters", "工程（阶段/批次）名称必填，最多200字");
        errors.Require(previousCode is null || issued.Any(e => e.Code == previousCode), "previousEngineeringCode",
            "must be an engineering code of this project", "前阶段关联工程代码必须是本项目已生成的工程代码");
        errors.ThrowIfAny();
        if (LastPhaseNo >= EngineeringCodes.MaxPhase)
            throw new ProjectRuleException($"Project {Code} has used all {EngineeringCodes.MaxPhase} phase numbers.", $"项目{Code}的{EngineeringCodes.MaxPhase}个阶段编号已用完。");
        LastPhaseNo++;
        return new Engineering
        {
            Id = Guid.CreateVersion7(now), ProjectId = Id, ProjectCode = Code, PhaseNo = LastPhaseNo,
            Code = EngineeringCodes.Format(Code, LastPhaseNo), Name = name!.Trim(),
            PreviousCode = previousCode ?? issued.MaxBy(e => e.PhaseNo)?.Code, IssuedAt = now,
        };
    }

    private static bool Text(string? value, int max) => !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= max;
}
