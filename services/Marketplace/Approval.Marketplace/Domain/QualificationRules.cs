namespace Approval.Marketplace.Domain;

/// <summary>
/// Whether an agency may be selected for a service type on a day — checked at selection time, not only at registration
/// verified by the region admin, offering the service, and holding a qualification that covers the service,
/// is not suspended and is valid that day, and serving the project's area (服务区域). The first broken rule is named (English / Chinese).
/// </summary>
public static class QualificationRules
{
    public sealed record Breach(string Rule, string English, string Chinese)
    {
        public override string ToString() => $"{English} / {Chinese}";
    }

    public static Breach? Check(Agency agency, ServiceType service, DateOnly day, bool offersService, string? division = null)
    {
        if (agency.Status != AgencyStatus.Verified)
            return new("not-verified", $"agency {agency.Name} is not verified by the region admin", $"中介机构“{agency.Name}”未经区域管理员认证");
        var covering = agency.Qualifications.Where(q => q.Covers.Contains(service.Code)).ToList();
        if (covering.Count == 0 || !offersService)
            return new("not-covering", $"no qualification of agency {agency.Name} covers the service {service.Name}",
                $"中介机构“{agency.Name}”的资质不涵盖“{service.Name}”服务");
        if (division is { Length: > 0 } && !ServiceAreas.Covers(agency.ServiceAreas, division))
            return new("outside-area", $"agency {agency.Name} does not serve the project's area {division}",
                $"中介机构“{agency.Name}”的服务区域不含项目所在地（{division}）");
        if (covering.Any(q => q.IsValidOn(day))) return null;
        if (covering.All(q => q.Suspended))
            return new("suspended", $"the qualification of agency {agency.Name} for {service.Name} is suspended",
                $"中介机构“{agency.Name}”的“{service.Name}”资质已被暂停");
        if (covering.Where(q => !q.Suspended).All(q => q.ValidFrom > day))
            return new("not-yet-valid", $"the qualification of agency {agency.Name} for {service.Name} is not valid yet",
                $"中介机构“{agency.Name}”的“{service.Name}”资质尚未生效");
        return new("expired", $"the qualification of agency {agency.Name} for {service.Name} expired on {covering.Max(q => q.ValidTo):yyyy-MM-dd}",
            $"中介机构“{agency.Name}”的“{service.Name}”资质已于{covering.Max(q => q.ValidTo):yyyy-MM-dd}过期");
    }
}
