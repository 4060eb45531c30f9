namespace Approval.Marketplace.Domain;

/// <summary>
/// A kind of intermediary service (中介服务事项) an agency may offer and an applicant may select an agency for. Material is
/// the catalog's material-list entry its deliverable serves (Intake offers the deliverable under that name); ItemCode
/// the catalog intermediary item it stands for, where the catalog has one.
/// </summary>
public sealed record ServiceType(string Code, string Name, string Material, int StageNo, string? ItemCode = null);

public static class ServiceTypes
{
    public static readonly IReadOnlyList<ServiceType> All =
    [
        new("feasibility-report", "可行性研究报告编制", "可行性研究报告", 1),
        new("project-proposal", "项目建议书编制", "项目建议书", 1),
        new("site-map", "地形图测绘", "标注项目拟选址位置的地形图", 1),
        new("eia-report", "环境影响报告表编制", "环境影响报告表", 2),
        new("soil-water-plan", "水土保持方案编制", "水土保持方案报告书", 2),
        new("setting-out-survey", "建设工程规划放线测量", "放线测量成果报告", 5, "320193-ZR-BX-001"),
        new("completion-survey", "竣工测量", "竣工测量成果", 4),
    ];

    public static ServiceType? Find(string? code) => All.FirstOrDefault(t => t.Code == code);

    public static string Describe() => string.Join("、", All.Select(t => $"{t.Code} {t.Name}"));
}
