using System.Text.Json;
using Approval.Intake.Data;
using Approval.Intake.Domain;
using Microsoft.Extensions.Options;

namespace Approval.Intake.Api;

/// <summary>
/// Drafts (草稿): an applicant saves a stage application unfinished and resumes it later; nothing is checked until it is
/// submitted, when it goes through the same 接件 as an online submission and the draft is gone. Only its owner sees it.
/// </summary>
public static class DraftsApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public sealed record DraftDto(Guid Id, SubmitApplicationRequest Content, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/drafts").WithTags("Drafts").RequireAuthorization(Roles.Applicant);
        api.MapPost("/", Create).WithSummary("Save a new draft / 保存草稿");
        api.MapGet("/", Mine).WithSummary("My drafts / 我的草稿");
        api.MapGet("/{id:guid}", Get).WithSummary("Resume a draft / 打开草稿");
        api.MapPut("/{id:guid}", Save).WithSummary("Save a draft again / 更新草稿");
        api.MapDelete("/{id:guid}", Delete).WithSummary("Discard a draft / 删除草稿");
        api.MapPost("/{id:guid}/submit", Submit).WithSummary("Submit a draft as an application (接件) / 提交草稿");
    }

    /// <summary>At most <see cref="IntakeLimits.DraftsPerApplicant"/> drafts per applicant (409); each within the request body limit (413).</summary>
    private static async Task<Created<DraftDto>> Create(SubmitApplicationRequest content, ClaimsPrincipal user, IntakeDbContext db, IOptions<IntakeLimits> limits, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var me = user.UserId();
        var max = limits.Value.DraftsPerApplicant;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await IntakeLimits.EnsureRoomAsync(db, $"drafts:{me}", c => db.Drafts.CountAsync(d => d.ApplicantId == me, c), 1, max,
            $"An applicant may keep at most {max} drafts; submit or discard one first.", $"每位申请人最多保存{max}份草稿，请先提交或删除已有草稿。", ct);
        var draft = new ApplicationDraft
        {
            Id = Guid.CreateVersion7(now), ApplicantId = me, RegionCode = user.RegionCode() ?? "",
            Content = JsonSerializer.Serialize(content, Json), CreatedAt = now, UpdatedAt = now,
        };
        db.Drafts.Add(draft);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/intake/drafts/{draft.Id}", ToDto(draft));
    }

    private static async Task<Ok<List<DraftDto>>> Mine(ClaimsPrincipal user, IntakeDbContext db, CancellationToken ct)
    {
        var me = user.UserId();
        var drafts = await db.Drafts.AsNoTracking().Where(d => d.ApplicantId == me).OrderByDescending(d => d.UpdatedAt).Take(100).ToListAsync(ct);
        return TypedResults.Ok(drafts.Select(ToDto).ToList());
    }

    private static async Task<Ok<DraftDto>> Get(Guid id, ClaimsPrincipal user, IntakeDbContext db, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await OwnAsync(db, id, user, ct)));

    private static async Task<Ok<DraftDto>> Save(Guid id, SubmitApplicationRequest content, ClaimsPrincipal user, IntakeDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var draft = await OwnAsync(db, id, user, ct);
        draft.Content = JsonSerializer.Serialize(content, Json);
        draft.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(draft));
    }

    private static async Task<NoContent> Delete(Guid id, ClaimsPrincipal user, IntakeDbContext db, CancellationToken ct)
    {
        db.Drafts.Remove(await OwnAsync(db, id, user, ct));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<ApplicationDto>> Submit(Guid id, ClaimsPrincipal user, IntakeDbContext db, ApplicationSubmission submission, CancellationToken ct)
    {
        var draft = await OwnAsync(db, id, user, ct);
        var applicant = new Applicant(user.UserId(), user.DisplayName(), user.FindFirstValue(ApprovalClaims.PhoneNumber));
        var application = await submission.ReceiveAsync(Content(draft), applicant, AcceptanceChannel.Web, user, ct);
        db.Drafts.Remove(draft);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/intake/applications/{application.Id}", ApplicationAccess.ToDto(application));
    }

    /// <summary>Another applicant's draft answers 404, like one that does not exist.</summary>
    private static async Task<ApplicationDraft> OwnAsync(IntakeDbContext db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.UserId();
        return await db.Drafts.FirstOrDefaultAsync(d => d.Id == id && d.ApplicantId == me, ct) ?? throw new NotFoundException("Draft 草稿", id.ToString());
    }

    private static SubmitApplicationRequest Content(ApplicationDraft d) => JsonSerializer.Deserialize<SubmitApplicationRequest>(d.Content, Json)!;

    private static DraftDto ToDto(ApplicationDraft d) => new(d.Id, Content(d), d.CreatedAt, d.UpdatedAt);
}
