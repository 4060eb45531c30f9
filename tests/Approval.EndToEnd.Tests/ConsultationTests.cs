namespace Approval.EndToEnd.Tests;

/// <summary>咨询 through the gateway: an applicant asks, the item's department answers and publishes it to the guide's FAQ.</summary>
[Collection(SuiteCollection.Name)]
public sealed class ConsultationTests(SuiteFixture suite)
{
    private const string Item = "320193-CG-SG-001";
    private readonly SuiteApi api = new(suite.Gateway);

    [Fact]
    public async Task A_question_is_answered_by_the_items_department_and_published_to_the_faq()
    {
        var text = $"夜间运输建筑垃圾需要另外办理手续吗？{Guid.NewGuid():N}";
        var asked = await api.ExpectAsync(HttpStatusCode.Created, Actor.Applicant, HttpMethod.Post, $"/api/catalog/items/{Item}/questions", new { text });
        var id = asked.GetProperty("id").GetGuid();
        Assert.Equal("CGJ", asked.GetProperty("departmentCode").GetString());

        var open = await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("CGJ"), HttpMethod.Get, "/api/catalog/questions?answered=false");
        Assert.Contains(open.EnumerateArray(), q => q.GetProperty("id").GetGuid() == id);
        var elsewhere = await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("ZJJ"), HttpMethod.Get, "/api/catalog/questions");
        Assert.DoesNotContain(elsewhere.EnumerateArray(), q => q.GetProperty("id").GetGuid() == id);
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.Department("ZJJ"), HttpMethod.Post, $"/api/catalog/questions/{id}/answer", new { answer = "不是我们" });
        await api.ExpectAsync(HttpStatusCode.Conflict, Actor.Department("CGJ"), HttpMethod.Post, $"/api/catalog/questions/{id}/publish");

        var answer = "需在核准证载明的时段和路线内运输，无需另行办理。";
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("CGJ"), HttpMethod.Post, $"/api/catalog/questions/{id}/answer", new { answer });
        var mine = await api.ExpectAsync(HttpStatusCode.OK, Actor.Applicant, HttpMethod.Get, "/api/catalog/questions/mine");
        Assert.Equal(answer, mine.EnumerateArray().Single(q => q.GetProperty("id").GetGuid() == id).GetProperty("answer").GetString());

        var before = await suite.Gateway.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/catalog/items/{Item}/guide");
        Assert.DoesNotContain(before.GetProperty("faq").EnumerateArray(), f => f.GetProperty("question").GetString() == text);
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("CGJ"), HttpMethod.Post, $"/api/catalog/questions/{id}/publish");
        var after = await suite.Gateway.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/catalog/items/{Item}/guide");
        Assert.Contains(after.GetProperty("faq").EnumerateArray(), f => f.GetProperty("question").GetString() == text && f.GetProperty("answer").GetString() == answer);
    }

    [Fact]
    public async Task Asking_needs_an_applicant_a_known_item_and_a_text()
    {
        using var anonymous = await suite.Gateway.PostAsJsonAsync($"/api/catalog/items/{Item}/questions", new { text = "?" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await api.ExpectAsync(HttpStatusCode.Forbidden, Actor.Window, HttpMethod.Post, $"/api/catalog/items/{Item}/questions", new { text = "?" });
        await api.ExpectAsync(HttpStatusCode.NotFound, Actor.Applicant, HttpMethod.Post, "/api/catalog/items/NO-SUCH/questions", new { text = "?" });
        var problem = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Applicant, HttpMethod.Post, $"/api/catalog/items/{Item}/questions", new { text = " " });
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
    }
}
