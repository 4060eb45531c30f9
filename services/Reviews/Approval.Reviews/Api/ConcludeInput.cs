using Approval.Reviews.Domain;

namespace Approval.Reviews.Api;

/// <summary>A result file as decoded from the request.</summary>
public sealed record ResultFile(string FileName, string ContentType, byte[] Content);

/// <summary>Checks a conclusion request: every problem at once, each naming the field and rule in English and Chinese.</summary>
public static class ConcludeInput
{
    public static (ReviewConclusion Conclusion, List<DisciplineOpinion> Opinions, ResultFile? File) Validate(ConcludeRequest r, ReviewType type)
    {
        var conclusion = ReviewNames.ParseConclusion(r.Conclusion);
        var opinions = r.Opinions ?? [];
        var errors = new FieldErrors()
            .Require(conclusion is not null, "conclusion", "must be qualified, qualified-after-changes or unqualified", "必须为合格、修改后合格或不合格")
            .Require(opinions.Count <= 30, "opinions", "at most 30", "最多30条专业意见")
            .Require(opinions.All(o => !string.IsNullOrWhiteSpace(o?.Discipline) && o.Discipline.Length <= 50), "opinions",
                "each names its discipline (at most 50 characters)", "每条意见须注明专业（最多50字）")
            .Require(opinions.All(o => !string.IsNullOrWhiteSpace(o?.Opinion) && o.Opinion.Length <= 4000), "opinions",
                "each has its opinion text (at most 4000 characters)", "每条意见须填写内容（最多4000字）")
            .Require(conclusion is not (ReviewConclusion.QualifiedAfterChanges or ReviewConclusion.Unqualified) || opinions.Count > 0, "opinions",
                "are required for 修改后合格 and 不合格", "修改后合格或不合格须填写专业审查意见");
        var file = File(r.Result, type, errors);
        errors.ThrowIfAny();
        return (conclusion!.Value, opinions.Select(o => new DisciplineOpinion(o.Discipline.Trim(), o.Opinion.Trim())).ToList(), file);
    }

    private static ResultFile? File(ResultFileBody? body, ReviewType type, FieldErrors errors)
    {
        if (body is null || string.IsNullOrEmpty(body.Content))
        {
            errors.Require(!type.RequiresResultFile, "result", $"a result file (PDF) is required for {type.Name}", $"{type.Name}办结须上传审查结果文件（PDF）");
            return null;
        }
        var name = body.FileName?.Trim() ?? "";
        errors.Require(name.Length is > 0 and <= 200, "result.fileName", "is required, at most 200 characters", "必须填写文件名（最多200字）");
        errors.Require(body.ContentType == "application/pdf", "result.contentType", "must be application/pdf", "审查结果须为PDF文件");
        if (body.Content.Length > (ReviewLimits.MaxResultBytes / 3 + 1) * 4)
        {
            errors.Require(false, "result.content", "at most 10 MB", "文件不能超过10 MB");
            return null;
        }
        var buffer = new byte[body.Content.Length];
        if (!Convert.TryFromBase64String(body.Content, buffer, out var written))
        {
            errors.Require(false, "result.content", "must be base64-encoded", "须为Base64编码");
            return null;
        }
        var content = buffer[..written];
        errors.Require(content.Length <= ReviewLimits.MaxResultBytes, "result.content", "at most 10 MB", "文件不能超过10 MB")
            .Require(content.AsSpan().StartsWith("%PDF-"u8), "result.content", "is not a PDF file (no %PDF- header)", "不是PDF文件");
        return new ResultFile(name, "application/pdf", content);
    }
}
