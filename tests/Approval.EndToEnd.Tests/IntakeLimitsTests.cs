using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// Issue 13 (Intake): what a user can store is bounded — a request body by size (413), drafts by count per applicant
/// (409), live progress streams by count per account (429) — with the limit in the message and nothing half-written;
/// material downloads are audited, granted and refused alike. The limits are the documented defaults (docs/intake.md).
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class IntakeLimitsTests(SuiteFixture suite)
{
    private readonly SuiteApi api = new(suite.Gateway);
    private readonly IntakeApi intake = new(suite.Gateway);
    private static readonly Actor Supervisor = new("supervisor-e2e", "supervisor", Name: "监察科赵六");

    private static object Draft(string projectName) =>
        new { projectCode = SuiteApi.ProjectCode, engineeringCode = SuiteApi.EngineeringCode, projectName, stageNo = 3, itemCodes = SuiteApi.SkeletonItems, form = SuiteApi.SkeletonForm };

    [Fact]
    public async Task A_ten_megabyte_draft_is_refused_with_413_naming_the_limit_and_nothing_is_stored()
    {
        var applicant = IntakeApi.NewApplicant("草稿过大的申请人");
        var problem = await api.ExpectAsync(HttpStatusCode.RequestEntityTooLarge, applicant, HttpMethod.Post, "/api/intake/drafts",
            Draft(new string('大', 10 * 1024 * 1024 / 3)));
        Assert.Contains("256 KB", problem.GetProperty("detail").GetString());
        Assert.Equal(0, (await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, "/api/intake/drafts")).GetArrayLength());

        // Saving an existing draft again is held to the same limit, and the draft keeps what it had.
        var draft = await api.ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post, "/api/intake/drafts", Draft("小草稿"));
        var id = draft.GetProperty("id").GetGuid();
        await api.ExpectAsync(HttpStatusCode.RequestEntityTooLarge, applicant, HttpMethod.Put, $"/api/intake/drafts/{id}", Draft(new string('大', 300 * 1024)));
        var kept = await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, $"/api/intake/drafts/{id}");
        Assert.Equal("小草稿", kept.GetProperty("content").GetProperty("projectName").GetString());
    }

    [Fact]
    public async Task The_twenty_first_draft_of_an_applicant_is_refused_with_409_naming_the_limit()
    {
        var applicant = IntakeApi.NewApplicant("草稿很多的申请人");
        for (var i = 1; i <= 20; i++)
            await api.ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post, "/api/intake/drafts", Draft($"草稿{i}"));
        var problem = await api.ExpectAsync(HttpStatusCode.Conflict, applicant, HttpMethod.Post, "/api/intake/drafts", Draft("草稿21"));
        Assert.Contains("20", problem.GetProperty("detail").GetString());
        var mine = await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, "/api/intake/drafts");
        Assert.Equal(20, mine.GetArrayLength());

        // Another applicant is not affected; discarding one makes room again.
        await api.ExpectAsync(HttpStatusCode.Created, IntakeApi.NewApplicant("另一申请人"), HttpMethod.Post, "/api/intake/drafts", Draft("别人的草稿"));
        await api.ExpectAsync(HttpStatusCode.NoContent, applicant, HttpMethod.Delete, $"/api/intake/drafts/{mine[0].GetProperty("id").GetGuid()}");
        await api.ExpectAsync(HttpStatusCode.Created, applicant, HttpMethod.Post, "/api/intake/drafts", Draft("草稿21"));
    }

    [Fact]
    public async Task A_window_decision_with_a_reason_beyond_the_body_limit_is_413_and_the_application_stays_undecided()
    {
        var id = await api.SubmitAsync(Actor.Applicant, "理由过长的项目");
        var problem = await api.ExpectAsync(HttpStatusCode.RequestEntityTooLarge, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/refuse",
            new { reason = new string('理', 300 * 1024) });
        Assert.Contains("256 KB", problem.GetProperty("detail").GetString());
        Assert.Equal(1, (await api.ProgressAsync(Actor.Applicant, id)).GetProperty("application").GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task The_twenty_first_concurrent_progress_stream_of_an_account_is_429_and_a_closed_one_frees_its_place()
    {
        var applicant = IntakeApi.NewApplicant("多开进度的申请人");
        var id = await api.SubmitAsync(applicant, "多开进度的项目");
        var streams = new List<ProgressStream>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var stream = await intake.OpenStreamAsync(applicant, id);
                streams.Add(stream);
                Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
                await stream.NextAsync(); // the stream is live: its first event has arrived
            }
            await using (var extra = await intake.OpenStreamAsync(applicant, id))
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, extra.Response.StatusCode);
                var problem = JsonDocument.Parse(await extra.Response.Content.ReadAsStringAsync()).RootElement;
                Assert.Contains("20", problem.GetProperty("detail").GetString());
            }
            // The window's own streams are counted separately.
            await using (var window = await intake.OpenStreamAsync(Actor.Window, id))
                Assert.Equal(HttpStatusCode.OK, window.Response.StatusCode);

            await streams[0].DisposeAsync();
            streams.RemoveAt(0);
            var again = await SuiteApi.PollAsync(async () =>
            {
                var s = await intake.OpenStreamAsync(applicant, id);
                if (s.Response.StatusCode == HttpStatusCode.OK) return s;
                await s.DisposeAsync();
                return null;
            }, s => s is not null, "the closed stream's place is free again", seconds: 15);
            streams.Add(again!);
        }
        finally
        {
            foreach (var s in streams) await s.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_material_download_is_audited_and_a_refused_one_too()
    {
        var owner = IntakeApi.NewApplicant("下载审计的申请人");
        var material = (await intake.UploadOkAsync(owner, "审计.pdf", IntakeApi.Pdf("audit me"))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await intake.DownloadAsync(owner, material)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await intake.DownloadAsync(Actor.OtherApplicant, material)).Status);

        var records = (await api.ExpectAsync(HttpStatusCode.OK, Supervisor, HttpMethod.Get, $"/api/intake/audit?objectId={material}&take=500"))
            .EnumerateArray().ToList();
        var download = Assert.Single(records, r => r.GetProperty("action").GetString() == "download");
        Assert.Equal("下载审计的申请人", download.GetProperty("actorName").GetString());
        Assert.Single(records, r => r.GetProperty("action").GetString() == "access-denied");
    }
}
