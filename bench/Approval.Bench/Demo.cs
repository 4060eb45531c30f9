using System.Text.Json;

namespace Approval.Bench;

/// <summary>Drives one case and prints its timeline (every status with code, Chinese name, actor, time) and its licences.</summary>
public static class Demo
{
    public static async Task<int> RunAsync(Uri gateway)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        var progress = await new CaseDriver(http, new Latencies()).RunAsync("示范区科创园一期（演示）", CaseShape.Skeleton, CancellationToken.None);

        var application = progress.GetProperty("application");
        Console.WriteLine($"申请 application {application.GetProperty("id")}  项目代码 {application.GetProperty("projectCode")}  {application.GetProperty("projectName")}");
        Console.WriteLine($"阶段 stage {application.GetProperty("stageNo")} {application.GetProperty("stageName")}  当前状态 {application.GetProperty("statusCode")} {application.GetProperty("statusName")}");
        Console.WriteLine();
        Console.WriteLine("时间 (UTC)                 对象 subject              状态 status            办理人 actor / 单位 organisation   意见 opinion");
        foreach (var e in progress.GetProperty("timeline").EnumerateArray())
        {
            var at = e.GetProperty("occurredAt").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff");
            var status = $"{e.GetProperty("statusCode").GetInt32(),2} {e.GetProperty("statusName").GetString()}";
            Console.WriteLine($"{at}  {Pad(e.GetProperty("subject").GetString(), 24)}{Pad(status, 20)}{e.GetProperty("actor").GetString()} / {e.GetProperty("organisation").GetString()}  {Text(e, "opinion")}");
        }
        Console.WriteLine();
        Console.WriteLine("电子证照 licences issued:");
        foreach (var l in progress.GetProperty("licences").EnumerateArray())
            Console.WriteLine($"  {l.GetProperty("identifier").GetString()}  {l.GetProperty("licenceName").GetString()}  ({l.GetProperty("issuerName").GetString()})");
        return 0;
    }

    private static string Text(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.String ? e.GetProperty(name).GetString()! : "";

    /// <summary>Pads by display width: a CJK character takes two columns in a terminal.</summary>
    private static string Pad(string? s, int width)
    {
        s ??= "";
        var used = s.Sum(c => c > 0x2E80 ? 2 : 1);
        return s + new string(' ', Math.Max(1, width - used));
    }
}
