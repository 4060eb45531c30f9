namespace Approval.Intake.Domain;

/// <summary>受理方式/办理形式 (DOMAIN.md): the exchange codes; never renumber.</summary>
public enum AcceptanceChannel
{
    Window = 1,
    Web = 2,
    Mobile = 3,
    Mail = 4,
}

public static class AcceptanceChannels
{
    /// <summary>The channel word of the ApplicationReceived event: online, counter or mail.</summary>
    public static string EventName(this AcceptanceChannel c) => c switch
    {
        AcceptanceChannel.Window => "counter",
        AcceptanceChannel.Mail => "mail",
        _ => "online",
    };

    public static string ChineseName(this AcceptanceChannel c) => c switch
    {
        AcceptanceChannel.Window => "窗口", AcceptanceChannel.Web => "网上", AcceptanceChannel.Mobile => "移动端", _ => "邮寄",
    };
}
