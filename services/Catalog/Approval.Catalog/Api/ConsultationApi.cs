using Approval.Catalog.Data;
using Approval.Catalog.Domain;
using Approval.Messaging;

namespace Approval.Catalog.Api;

/// <summary>
/// 咨询: applicants ask about an item; the item's department answers and may publish the answer to the
/// item's FAQ (its service guide). A department sees and answers only questions about its own items.
/// </summary>
public static class ConsultationApi
{
    private const int MaxText = 2000;

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalog").WithTags("Consultation").RequireAuthorization();
        api.MapPost("/items/{code}/questions", Ask).RequireAuthorization(Roles.Applicant).WithSummary("Ask about an item / 在线咨询");
        api.MapGet("/questions/mine", Mine).RequireAuthorization(Roles.Applicant).WithSummary("My questions and their answers / 我的咨询");
        api.MapGet("/questions", ForDepartment).RequireAuthorization(Roles.Department)
            .WithSummary("Questions about my department's items, ?answered=false for the open ones / 待答复咨询");
        api.MapPost("/questions/{id:guid}/answer", Answer).RequireAuthorization(Roles.Department).ForCatalogRegionStaff("Question 咨询", "id").WithSummary("Answer, optionally publishing to the FAQ / 答复");
        api.MapPost("/questions/{id:guid}/publish", Publish).RequireAuthorization(Roles.Department).ForCatalogRegionStaff("Question 咨询", "id").WithSummary("Publish an answered question to the FAQ / 发布到常见问题");
    }

    private static async Task<Created<QuestionDto>> Ask(
        string code, AskRequest request, ClaimsPrincipal user, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        RequireText("text", request.Text, "问题内容");
        var item = (await CatalogView.LoadAsync(db, clock, ct)).Item(code);
        var question = new Question
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), ItemCode = item.Code, DepartmentCode = item.DepartmentCode,
            AskerId = user.UserId(), AskerName = user.DisplayName(), Text = request.Text!.Trim(), AskedAt = clock.GetUtcNow(),
        };
        db.Questions.Add(question);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/catalog/questions/{question.Id}", ToDto(question));
    }

    private static async Task<Ok<List<QuestionDto>>> Mine(ClaimsPrincipal user, CatalogDbContext db, CancellationToken ct)
    {
        var id = user.UserId();
        var list = await db.Questions.AsNoTracking().Where(q => q.AskerId == id).OrderByDescending(q => q.AskedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(list.Select(ToDto).ToList());
    }

    private static async Task<Ok<List<QuestionDto>>> ForDepartment(bool? answered, ClaimsPrincipal user, CatalogDbContext db, CancellationToken ct)
    {
        var org = user.OrganisationCode();
        // The catalog is one region's: a department of another region with the same code has no questions here.
        var region = await db.Regions.AsNoTracking().Select(r => r.Code).FirstOrDefaultAsync(ct);
        if (region is null || !user.InRegion(region)) return TypedResults.Ok(new List<QuestionDto>());
        var query = db.Questions.AsNoTracking().Where(q => q.DepartmentCode == org);
        if (answered is not null) query = query.Where(q => (q.AnsweredAt != null) == answered);
        var list = await query.OrderBy(q => q.AskedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(list.Select(ToDto).ToList());
    }

    private static async Task<Ok<QuestionDto>> Answer(
        Guid id, AnswerRequest request, ClaimsPrincipal user, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        RequireText("answer", request.Answer, "答复内容");
        var question = await FindOwnAsync(db, id, user, ct);
        var now = clock.GetUtcNow();
        question.AnswerWith(request.Answer!.Trim(), user.DisplayName(), now);
        if (request.PublishToFaq) PublishToFaq(db, question, clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(question));
    }

    private static async Task<Ok<QuestionDto>> Publish(Guid id, ClaimsPrincipal user, CatalogDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var question = await FindOwnAsync(db, id, user, ct);
        PublishToFaq(db, question, clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(question));
    }

    private static void PublishToFaq(CatalogDbContext db, Question question, TimeProvider clock)
    {
        question.PublishToFaq(clock.GetUtcNow());
        db.AddOutboxEvent(CatalogEvents.FaqPublished(question), question.ItemCode, clock);
    }

    /// <summary>Another department's question answers 404, not a hint that it exists.</summary>
    private static async Task<Question> FindOwnAsync(CatalogDbContext db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var question = await db.Questions.FirstOrDefaultAsync(q => q.Id == id, ct);
        if (question is null || question.DepartmentCode != user.OrganisationCode()) throw new NotFoundException("Question 咨询", id.ToString());
        return question;
    }

    private static void RequireText(string field, string? text, string chineseName) =>
        new FieldErrors().Require(!string.IsNullOrWhiteSpace(text) && text.Trim().Length <= MaxText,
            field, $"is required, at most {MaxText} characters", $"{chineseName}必填，最多{MaxText}字").ThrowIfAny();

    private static QuestionDto ToDto(Question q) => new(
        q.Id, q.ItemCode, q.DepartmentCode, q.AskerName, q.Text, q.AskedAt, q.Answer, q.AnsweredBy, q.AnsweredAt, q.PublishedAt is not null);
}
