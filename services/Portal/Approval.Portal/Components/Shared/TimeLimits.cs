namespace Approval.Portal.Components.Shared;

/// <summary>A time limit as the service guide states it: "4小时", "20个工作日" (时限单位 codes of DOMAIN.md).</summary>
public static class TimeLimits
{
    public static string Text(int amount, int unit, int workingDays) => amount <= 0 ? $"{workingDays}个工作日" : unit switch
    {
        2 => $"{amount}个自然日",
        3 => $"{amount}小时",
        4 => $"{amount}分钟",
        5 => $"{amount}个月",
        _ => $"{amount}个工作日",
    };
}
