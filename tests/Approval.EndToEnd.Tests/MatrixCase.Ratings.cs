using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// 好差评's objects of a matrix row: a 非常不满意 rating by the demo applicant of its case's CGJ item (CGJ starts and
/// approves it; Supervision sees it concluded), brought to the step before the row's: {rating} open, {calledBackRating}
/// called back, {rectifyingRating} rectifying, {appealedRating} appealed by CGJ.
/// </summary>
public sealed partial class MatrixCase
{
    private static readonly string[] RatingObjects = ["rating", "calledBackRating", "rectifyingRating", "appealedRating"];

    private async Task RatingsAsync(SuiteApi api, MatrixRow row)
    {
        var needs = Needs(row).Where(RatingObjects.Contains).ToList();
        if (needs.Count == 0) return;
        var (rating, _) = await BadRatingAsync(api, Actor.Applicant, "访问矩阵评价");
        var cgj = Actor.Department("CGJ");
        var path = $"/api/supervision/ratings/{rating}";
        if (needs.Contains("calledBackRating") || needs.Contains("rectifyingRating"))
            await api.ExpectAsync(HttpStatusCode.OK, cgj, HttpMethod.Post, $"{path}/call-back", new { note = "已电话回访", verified = true });
        if (needs.Contains("rectifyingRating"))
            await api.ExpectAsync(HttpStatusCode.OK, cgj, HttpMethod.Post, $"{path}/rectification", new { measures = "一次性告知" });
        if (needs.Contains("appealedRating"))
            await api.ExpectAsync(HttpStatusCode.OK, cgj, HttpMethod.Post, $"{path}/appeal", new { reason = "评价与办件无关" });
        foreach (var name in needs) values[name] = rating.ToString();
    }

    /// <summary>
    /// A case of <paramref name="applicant"/> whose CGJ item CGJ approves, rated 5 非常不满意 once Supervision has the
    /// concluded clock: the rating's id and the item instance's.
    /// </summary>
    public static async Task<(Guid Rating, Guid Item)> BadRatingAsync(SuiteApi api, Actor applicant, string projectName)
    {
        var application = await api.SubmitAsync(applicant, projectName);
        var project = (await api.PhaseAsync(applicant)).ProjectCode;
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{application}/accept");
        var item = await api.ItemRoutedToAsync("CGJ", application);
        var cgj = Actor.Department("CGJ");
        await api.ExpectAsync(HttpStatusCode.OK, cgj, HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
        await api.ExpectAsync(HttpStatusCode.OK, cgj, HttpMethod.Post, $"/api/approvals/items/{item}/conclude", new { approved = true, opinion = "准予许可" });
        await ItemClockAsync(api, project, item, c => c.GetProperty("concludedAt").ValueKind == JsonValueKind.String);
        var rated = await api.ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post, "/api/supervision/ratings",
            new { kind = "item", subjectId = item, level = 5, comment = "材料被反复退回，窗口答复不一致" });
        return (rated.GetProperty("id").GetGuid(), item);
    }
}
