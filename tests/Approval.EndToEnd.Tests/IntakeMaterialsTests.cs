using System.Security.Cryptography;
using System.Text.Json;

namespace Approval.EndToEnd.Tests;

/// <summary>Issue 5, materials through the gateway: upload once, reuse by id and from the licence library, limits, who may download.</summary>
[Collection(SuiteCollection.Name)]
public sealed class IntakeMaterialsTests(SuiteFixture suite)
{
    private readonly SuiteApi api = new(suite.Gateway);
    private readonly IntakeApi intake = new(suite.Gateway);

    [Fact]
    public async Task A_material_uploaded_once_is_reused_by_id_in_a_second_application_without_a_second_upload()
    {
        var applicant = IntakeApi.NewApplicant("材料复用公司");
        var content = IntakeApi.Pdf($"施工合同 {Guid.NewGuid()}");
        var uploaded = await intake.UploadOkAsync(applicant, "施工合同.pdf", content);
        var materialId = uploaded.GetProperty("id").GetGuid();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), uploaded.GetProperty("sha256").GetString());
        Assert.Equal(("application/pdf", content.Length), (uploaded.GetProperty("contentType").GetString(), uploaded.GetProperty("size").GetInt32()));

        var choice = new object[] { new { name = "施工合同", materialId } };
        var first = await intake.SubmitAsync(applicant, "材料复用一期", choice);
        var history = await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, "/api/intake/materials");
        Assert.Equal([materialId], history.EnumerateArray().Select(m => m.GetProperty("id").GetGuid()));
        var second = await intake.SubmitAsync(applicant, "材料复用二期", choice);

        foreach (var id in new[] { first, second })
        {
            var materials = await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, $"/api/intake/applications/{id}/materials");
            var attached = Assert.Single(materials.GetProperty("attached").EnumerateArray());
            Assert.Equal((materialId, "施工合同", "施工合同.pdf"),
                (attached.GetProperty("materialId").GetGuid(), attached.GetProperty("name").GetString(), attached.GetProperty("fileName").GetString()));
            var missing = materials.GetProperty("missingRequired").EnumerateArray().Select(m => m.GetString()).ToList();
            Assert.DoesNotContain("施工合同", missing);
            Assert.Contains("建筑垃圾运输合同", missing);
        }
        // Still exactly one material: the second application referred to it, nothing was uploaded again.
        Assert.Equal(1, (await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, "/api/intake/materials")).GetArrayLength());

        await DownloadsAsync(applicant, materialId, content);
        await DownloadsAsync(Actor.Window, materialId, content);
        Assert.Equal(HttpStatusCode.NotFound, (await intake.DownloadAsync(Actor.OtherApplicant, materialId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await intake.DownloadAsync(Actor.Department("ZJJ"), materialId)).Status);
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{first}/accept");
        await DownloadsAsync(Actor.Department("ZJJ"), materialId, content);
        Assert.Equal(HttpStatusCode.NotFound, (await intake.DownloadAsync(Actor.Department("JTJ"), materialId)).Status);

        // Another applicant cannot attach it by its id.
        var other = await api.PhaseAsync(Actor.OtherApplicant);
        var stolen = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.OtherApplicant, HttpMethod.Post, "/api/intake/applications",
            new { projectCode = other.ProjectCode, engineeringCode = other.EngineeringCode, projectName = "盗用材料", stageNo = 3, itemCodes = SuiteApi.SkeletonItems, form = SuiteApi.SkeletonForm, materials = choice });
        Assert.True(stolen.GetProperty("errors").TryGetProperty("materials[0].materialId", out _), stolen.ToString());
    }

    private async Task DownloadsAsync(Actor actor, Guid materialId, byte[] expected)
    {
        var (status, body) = await intake.DownloadAsync(actor, materialId);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, body);
    }

    [Fact]
    public async Task Oversized_disguised_and_unlisted_materials_are_refused_with_problem_details()
    {
        using (var big = await intake.UploadAsync(Actor.Applicant, "大文件.pdf", IntakeApi.Pdf(new string('x', 30 * 1024 * 1024))))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
            Assert.Equal("application/problem+json", big.Content.Headers.ContentType?.MediaType);
            Assert.Contains("20", (await big.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }
        byte[] executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];
        foreach (var name in new[] { "合同.pdf", "setup.exe" })
        {
            using var refused = await intake.UploadAsync(Actor.Applicant, name, executable);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        var materialId = (await intake.UploadOkAsync(Actor.Applicant, "扫描件.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00])).GetProperty("id").GetGuid();
        var unlisted = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.Applicant, HttpMethod.Post, "/api/intake/applications",
            new
            {
                projectCode = SuiteApi.ProjectCode, engineeringCode = SuiteApi.EngineeringCode, projectName = "清单外材料", stageNo = 3, itemCodes = SuiteApi.SkeletonItems, form = SuiteApi.SkeletonForm,
                materials = new object[] { new { name = "不在清单中的材料", materialId }, new { name = "施工合同" } },
            });
        var errors = unlisted.GetProperty("errors");
        Assert.True(errors.TryGetProperty("materials[0].name", out _) && errors.TryGetProperty("materials[1]", out _), errors.ToString());
    }

    [Fact]
    public async Task A_certificate_the_applicant_holds_is_attached_from_the_licence_library_by_reference()
    {
        var applicant = IntakeApi.NewApplicant($"证照复用公司{Guid.NewGuid():N}"[..14]);
        var earlier = await intake.SubmitAsync(applicant, "证照复用前期项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{earlier}/accept");
        var item = await api.ItemRoutedToAsync("ZJJ", earlier);
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("ZJJ"), HttpMethod.Post, $"/api/approvals/items/{item}/start", new { });
        await api.ReviewPassedAsync(applicant, item);
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Department("ZJJ"), HttpMethod.Post, $"/api/approvals/items/{item}/conclude", new { approved = true, opinion = "准予许可" });

        var held = await SuiteApi.PollAsync(() => api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, "/api/intake/licences"),
            l => l.GetArrayLength() == 1, "the certificate of the earlier case reaches the applicant's licence library");
        var identifier = held[0].GetProperty("identifier").GetString()!;
        Assert.Equal(0, (await api.ExpectAsync(HttpStatusCode.OK, Actor.OtherApplicant, HttpMethod.Get, "/api/intake/licences"))
            .EnumerateArray().Count(l => l.GetProperty("identifier").GetString() == identifier));

        var licence = new object[] { new { name = "建设工程规划许可证", licenceIdentifier = identifier } };
        var later = await intake.SubmitAsync(applicant, "证照复用后期项目", licence);
        var attached = Assert.Single((await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Get, $"/api/intake/applications/{later}/materials"))
            .GetProperty("attached").EnumerateArray());
        Assert.Equal((identifier, JsonValueKind.Null), (attached.GetProperty("licenceIdentifier").GetString(), attached.GetProperty("materialId").ValueKind));
        // No upload was made for it (the permit's review result, 施工图审查合格书, is the applicant's delivered material, not an upload).
        Assert.Equal(0, (await api.ExpectAsync(HttpStatusCode.OK, applicant, HttpMethod.Get, "/api/intake/materials")).EnumerateArray()
            .Count(m => m.GetProperty("deliveredName").ValueKind != JsonValueKind.String));

        var other = await api.PhaseAsync(Actor.OtherApplicant);
        var notHeld = await api.ExpectAsync(HttpStatusCode.BadRequest, Actor.OtherApplicant, HttpMethod.Post, "/api/intake/applications",
            new { projectCode = other.ProjectCode, engineeringCode = other.EngineeringCode, projectName = "他人证照", stageNo = 3, itemCodes = SuiteApi.SkeletonItems, form = SuiteApi.SkeletonForm, materials = licence });
        Assert.True(notHeld.GetProperty("errors").TryGetProperty("materials[0].licenceIdentifier", out _));
    }
}
