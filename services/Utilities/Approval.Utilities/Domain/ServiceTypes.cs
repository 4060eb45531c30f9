namespace Approval.Utilities.Domain;

/// <summary>
/// The utility service types of R-10.1 (水、排水、电、气、热、广播电视、通信) by a stable lower-case code, and the steps each
/// runs (PROVIDERS.md 3.2) with the utility's own time per step in working days (DOMAIN.md "Utility connection reference
/// times"): water, drainage, gas, heat, broadcast TV and telecom in two steps, 受理勘查 then 验收开通, each ≤ 3 working days;
/// power (high voltage) in five: 供电方案答复 ≤ 15, 设计审查 ≤ 10, 中间检查 ≤ 5, 竣工检验 ≤ 5, 装表接电 ≤ 5.
/// </summary>
public static class ServiceTypes
{
    public const string Water = "water", Drainage = "drainage", Power = "power", Gas = "gas", Heat = "heat", BroadcastTv = "broadcast-tv", Telecom = "telecom";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [Water] = "供水", [Drainage] = "排水", [Power] = "供电", [Gas] = "燃气", [Heat] = "供热", [BroadcastTv] = "广播电视", [Telecom] = "通信",
    };

    private static readonly StepPlan[] TwoSteps = [new("受理勘查", StepKind.Survey, 3), new("验收开通", StepKind.Connect, 3)];

    private static readonly StepPlan[] PowerSteps =
    [
        new("供电方案答复", StepKind.Survey, 15), new("设计审查", StepKind.Intermediate, 10), new("中间检查", StepKind.Intermediate, 5),
        new("竣工检验", StepKind.Intermediate, 5), new("装表接电", StepKind.Connect, 5),
    ];

    public static bool IsKnown(string? code) => code is not null && Names.ContainsKey(code);

    public static string NameOf(string code) => Names.TryGetValue(code, out var name) ? name : code;

    /// <summary>The steps of a service type, first (the survey with the connection plan) to last (the connection).</summary>
    public static IReadOnlyList<StepPlan> StepsOf(string code) => code == Power ? PowerSteps : TwoSteps;

    public static string Describe() => string.Join(", ", Names.Select(n => $"{n.Key} {n.Value}"));
}

/// <summary>What a step is: the survey (受理勘查 / 供电方案答复: connection plan and fees), a step between, or the connection.</summary>
public enum StepKind
{
    Survey = 1,
    Intermediate = 2,
    Connect = 3,
}

/// <summary>One step of a service type's flow and the utility's own time for it.</summary>
public sealed record StepPlan(string Name, StepKind Kind, int LimitWorkingDays);
