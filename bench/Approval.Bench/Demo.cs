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
        await PrintExchangeAsync(http, gateway);
        return 0;
    }

    /// <summary>
    /// 数据共享交换: the region admin sends now and waits (at most a minute) until nothing is pending, then prints what the front
    /// database holds per national table (docs/exchange.md).
    /// </summary>
    private static async Task PrintExchangeAsync(HttpClient http, Uri gateway)
    {
        var token = await new DemoTokens(gateway).ForAsync("admin");
        async Task<JsonElement> CallAsync(HttpMethod method, string path)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        var deadline = DateTime.UtcNow.AddMinutes(1);
        JsonElement report;
        do
        {
            await CallAsync(HttpMethod.Post, "/api/exchange/send");
            await Task.Delay(1000);
            report = await CallAsync(HttpMethod.Get, "/api/exchange/report");
        } while (report.GetProperty("backlog").GetProperty("pending").GetInt32() > 0 && DateTime.UtcNow < deadline);
        Console.WriteLine();
        Console.WriteLine($"数据共享交换 data exchange (front database 前置库), pending 待上报 {report.GetProperty("backlog").GetProperty("pending").GetInt32()}:");
        Console.WriteLine("  表 table                              已上报 sent  校验不通过 rejected  省级退回 failed");
        foreach (var t in report.GetProperty("tables").EnumerateArray().Where(t => t.GetProperty("sent").GetInt32() + t.GetProperty("rejected").GetInt32() > 0))
            Console.WriteLine($"  {Pad(t.GetProperty("label").GetString(), 38)}{t.GetProperty("sent").GetInt32(),11}{t.GetProperty("rejected").GetInt32(),20}{t.GetProperty("failed").GetInt32(),16}");
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
