namespace Approval.EndToEnd.Tests;

/// <summary>
/// Two departments conclude the two items of one stage at the same moment (the bench found this): both are
/// answered 200, and the stage concludes exactly once by its milestone rule — never "changed by someone else",
/// never left open because each conclusion missed the other's.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ConcurrentConclusionTests(SuiteFixture suite)
{
    private readonly SuiteApi api = new(suite.Gateway);

    [Fact]
    public async Task Items_of_one_stage_concluded_at_once_conclude_the_stage_exactly_once()
    {
        var applicant = IntakeApi.NewApplicant("并发办结公司");
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async n =>
        {
            var id = await api.SubmitAsync(applicant, $"并发办结项目{n}");
            await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
            var items = new List<(string Department, Guid Item)>();
            foreach (var department in new[] { "ZJJ", "CGJ" })
            {
                var item = await api.ItemRoutedToAsync(department, id);
                await api.ExpectAsync(HttpStatusCode.OK, Actor.Department(department), HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
                await api.ReviewPassedAsync(applicant, item, department);
                items.Add((department, item));
            }

            var answers = await Task.WhenAll(items.Select(i => api.SendAsync(Actor.Department(i.Department), HttpMethod.Post,
                $"/api/approvals/items/{i.Item}/conclude", new { approved = true, opinion = "同意" })));
            foreach (var answer in answers)
                Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");

            var view = await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, $"/api/approvals/applications/{id}/items");
            var stage = view.GetProperty("stage");
            Assert.Equal((2, true), (stage.GetProperty("status").GetInt32(), stage.GetProperty("approved").GetBoolean()));
        }));
    }
}
