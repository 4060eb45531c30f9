using Approval.Contracts.Codes;

namespace Approval.Marketplace.Domain;

/// <summary>What an agency states about itself (登记信息); every field is checked at once (400 naming each).</summary>
public sealed record AgencyProfile(
    string? Name, string? CreditCode, string? Contact, int? StaffCount, decimal? FeeMin, decimal? FeeMax,
    List<string>? ServiceTypes, List<QualificationInput>? Qualifications, List<string>? ServiceAreas = null);

public sealed record QualificationInput(
    string? Type, string? Level, string? Authority, string? Number, DateOnly? ValidFrom, DateOnly? ValidTo, List<string>? Covers);

public static class AgencyProfileRules
{
    public const int MaxQualifications = 20;

    /// <summary>The checked qualifications; throws a ValidationException naming every broken rule.</summary>
    public static List<Qualification> Check(AgencyProfile p)
    {
        var errors = new FieldErrors();
        errors.Require(Text(p.Name, 200), "name", "is required, at most 200 characters", "机构名称必填，最多200字");
        if (UnifiedSocialCreditCode.Problem(p.CreditCode?.Trim()) is { } credit) errors.Add("creditCode", credit);
        errors.Require(Text(p.Contact, 100), "contact", "is required, at most 100 characters", "联系方式必填，最多100字");
        errors.Require(p.StaffCount is >= 1 and <= 100_000, "staffCount", "must be 1–100000", "从业人员数应为1至100000");
        errors.Require(p.FeeMin is >= 0 && p.FeeMax is { } max && max >= p.FeeMin && max < 1_000_000_000m, "feeMax",
            "the fee range needs feeMin ≥ 0 and feeMax ≥ feeMin (yuan)", "收费区间应满足：最低收费≥0，最高收费≥最低收费（元）");
        var types = p.ServiceTypes ?? [];
        errors.Require(types.Count > 0 && types.All(t => Domain.ServiceTypes.Find(t) is not null), "serviceTypes",
            $"must list service types of {Domain.ServiceTypes.Describe()}", $"服务事项应为：{Domain.ServiceTypes.Describe()}");
        var areas = p.ServiceAreas ?? [];
        errors.Require(areas.Count is > 0 and <= Domain.ServiceAreas.Max && areas.All(a => Domain.ServiceAreas.IsCode(a?.Trim())), "serviceAreas",
            $"1–{Domain.ServiceAreas.Max} administrative division codes of 6 digits (e.g. 320100 covers its districts)",
            $"服务区域须为1至{Domain.ServiceAreas.Max}个6位行政区划代码（如320100涵盖其下各区县）");
        var list = p.Qualifications ?? [];
        errors.Require(list.Count is > 0 and <= MaxQualifications, "qualifications",
            $"1–{MaxQualifications} qualifications are required", $"须填写1至{MaxQualifications}项资质");
        for (var i = 0; i < Math.Min(list.Count, MaxQualifications); i++)
        {
            var q = list[i];
            var field = $"qualifications[{i}]";
            errors.Require(Text(q.Type, 100) && Text(q.Level, 50) && Text(q.Authority, 200) && Text(q.Number, 100), field,
                "type, level, authority and number are required", "资质类别、等级、发证机关、证书编号必填");
            errors.Require(q.ValidFrom is { } from && q.ValidTo is { } to && from <= to, $"{field}.validTo",
                "validFrom and validTo are required, validTo not before validFrom", "有效期起止日期必填，截止日期不得早于起始日期");
            errors.Require(q.Covers is { Count: > 0 } covers && covers.All(types.Contains), $"{field}.covers",
                "must name one or more of the agency's service types", "资质涵盖的服务事项必须是本机构登记的服务事项");
        }
        errors.Require(list.Select(q => q.Number?.Trim()).Distinct().Count() == list.Count, "qualifications",
            "each certificate number once", "证书编号不得重复");
        errors.ThrowIfAny();
        return list.Select(q => new Qualification(q.Type!.Trim(), q.Level!.Trim(), q.Authority!.Trim(), q.Number!.Trim(),
            q.ValidFrom!.Value, q.ValidTo!.Value, q.Covers!.Distinct().ToList())).ToList();
    }

    public static bool Text(string? value, int max) => !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= max;
}
