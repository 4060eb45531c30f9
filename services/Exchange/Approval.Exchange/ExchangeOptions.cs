using Approval.ServiceDefaults.Options;

namespace Approval.Exchange;

/// <summary>Settings under Approval:Exchange (docs/exchange.md).</summary>
public sealed class ExchangeOptions
{
    /// <summary>How often the sender runs a round when nobody asks for one (立即上报 and new rows do not wait for it).</summary>
    [Positive] public TimeSpan SendInterval { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Rows checked and sent per round; a full batch starts the next round at once.</summary>
    [Positive] public int Batch { get; set; } = 500;
    /// <summary>
    /// 审批流程类型 (SPLCLX) by the region pack's flow type name: the number the province expects for each. A flow whose
    /// type is not listed gets none, and its flow row is rejected naming the column.
    /// </summary>
    public Dictionary<string, int> FlowTypeCodes { get; set; } = new()
    {
        ["政府投资房屋建筑"] = 1, ["社会投资"] = 2, ["小型社会投资/低风险"] = 3, ["线性工程"] = 4,
    };

    public int? FlowTypeCode(string? type) => type is not null && FlowTypeCodes.TryGetValue(type, out var code) ? code : null;
}
