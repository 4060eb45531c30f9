namespace Approval.Marketplace.Domain;

/// <summary>
/// A service an agency publishes for one service type (服务事项): its guide, deliverables, fee basis and time limit in
/// working days. One per agency and type; publishing again replaces it.
/// </summary>
public sealed class PublishedService
{
    public Guid Id { get; private set; }
    public Guid AgencyId { get; init; }
    public required string ServiceType { get; init; }
    public string Guide { get; private set; } = "";
    public string Deliverables { get; private set; } = "";
    public string FeeBasis { get; private set; } = "";
    public int WorkingDays { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }

    public static PublishedService Publish(Agency agency, string? serviceType, DateTimeOffset now)
    {
        if (ServiceTypes.Find(serviceType) is null || !agency.ServiceTypes.Contains(serviceType!))
            throw ValidationException.For("serviceType", "must be one of the agency's registered service types", "须为本机构登记的服务事项");
        return new PublishedService { Id = Guid.CreateVersion7(now), AgencyId = agency.Id, ServiceType = serviceType! };
    }

    public void Describe(string? guide, string? deliverables, string? feeBasis, int? workingDays, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        errors.Require(AgencyProfileRules.Text(guide, 2000), "guide", "is required, at most 2000 characters", "服务指南必填，最多2000字");
        errors.Require(AgencyProfileRules.Text(deliverables, 500), "deliverables", "is required, at most 500 characters", "服务成果必填，最多500字");
        errors.Require(AgencyProfileRules.Text(feeBasis, 500), "feeBasis", "is required, at most 500 characters", "收费依据必填，最多500字");
        errors.Require(workingDays is >= 1 and <= 365, "workingDays", "must be 1–365 working days", "承诺时限应为1至365个工作日");
        errors.ThrowIfAny();
        Guide = guide!.Trim();
        Deliverables = deliverables!.Trim();
        FeeBasis = feeBasis!.Trim();
        WorkingDays = workingDays!.Value;
        PublishedAt = now;
    }
}
