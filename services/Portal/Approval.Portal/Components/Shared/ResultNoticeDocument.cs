using System.Net;
using System.Text;
using Approval.Portal.Clients;

namespace Approval.Portal.Components.Shared;

/// <summary>The consolidated result notice (办结结果通知) as a printable HTML document, offered for download as a data: URL.</summary>
public static class ResultNoticeDocument
{
    public static string Html(ResultNotice n)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>办结结果通知</title></head><body>");
        html.Append($"<h1>办结结果通知</h1><p>{E(n.ApplicantName)}：</p><p>您申报的{E(n.ProjectName)}（项目代码 {E(n.ProjectCode)}）{E(n.StageName)}申请已全部办结，结果如下：</p>");
        html.Append("<table border=\"1\" cellpadding=\"4\"><thead><tr><th>事项</th><th>实施部门</th><th>办理结果</th><th>审批意见</th></tr></thead><tbody>");
        foreach (var i in n.Items)
            html.Append($"<tr><td>{E(i.ItemName)}（{E(i.ItemCode)}）</td><td>{E(i.DepartmentName)}</td><td>{i.StatusCode}{E(i.StatusName)}</td><td>{E(i.Opinion)}</td></tr>");
        html.Append("</tbody></table>");
        if (n.Licences.Count > 0)
            html.Append("<h2>电子证照</h2><ul>").AppendJoin("", n.Licences.Select(l => $"<li>{E(l.LicenceName)}：{E(l.Identifier)}</li>")).Append("</ul>");
        if (n.IssuedAt is { } at) html.Append($"<p>综合服务窗口 {E(n.IssuedBy)}　{E(RegionTime.Local(at))}</p>");
        return html.Append("</body></html>").ToString();
    }

    public static string DataUrl(ResultNotice n) => "data:text/html;charset=utf-8;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(Html(n)));
}
