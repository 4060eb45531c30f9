using System.Text;
using Approval.Portal.Clients;
using Approval.Portal.Components.Shared;

namespace Approval.UnitTests;

/// <summary>The window's downloadable 办结结果通知: every item's outcome, HTML-encoded, as a data: URL.</summary>
public sealed class ResultNoticeDocumentTests
{
    private static ResultNotice Notice(string opinion) => new(Guid.NewGuid(), "2026-320193-47-01-000001", "科创园<一期>", "示范建设有限公司", "施工许可", true,
        new DateTimeOffset(2026, 12, 6, 2, 0, 0, TimeSpan.Zero), "综合窗口王五",
        [
            new ResultItem("320193-ZJ-SG-001", "建筑工程施工许可", "住建局", 11, "办结（通过）", opinion, DateTimeOffset.UnixEpoch),
            new ResultItem("320193-CG-SG-001", "占道施工许可", "城管局", 13, "办结（不通过）", "方案不符合要求", DateTimeOffset.UnixEpoch),
        ],
        [new IssuedLicence("3201930001", "建筑工程施工许可证", "320193-ZJ-SG-001", "住建局", DateTimeOffset.UnixEpoch, null, null)], null);

    [Fact]
    public void Names_every_item_with_its_code_and_opinion_and_the_issuer_in_region_time()
    {
        var html = ResultNoticeDocument.Html(Notice("准予施工许可"));
        Assert.Contains("11办结（通过）", html);
        Assert.Contains("13办结（不通过）", html);
        Assert.Contains("方案不符合要求", html);
        Assert.Contains("建筑工程施工许可证：3201930001", html);
        Assert.Contains("综合窗口王五　2026-12-06 10:00", html);
    }

    [Fact]
    public void Encodes_what_people_typed_and_round_trips_through_the_data_url()
    {
        var notice = Notice("<script>alert(1)</script>");
        var url = ResultNoticeDocument.DataUrl(notice);
        Assert.StartsWith("data:text/html;charset=utf-8;base64,", url);
        var html = Encoding.UTF8.GetString(Convert.FromBase64String(url[(url.IndexOf(',') + 1)..]));
        Assert.Equal(ResultNoticeDocument.Html(notice), html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("科创园&lt;一期&gt;", html);
    }
}
