using Approval.Intake.Data;
using Approval.ServiceDefaults;
using Approval.Intake.Domain;
using static Approval.Intake.Api.ApplicationAccess;

namespace Approval.Intake.Api;

/// <summary>
/// Results to the applicant: the window's consolidated result notice (every item's conclusion and opinion,
/// every certificate) once all items are concluded, and paper delivery by mail on request with the tracking number.
/// </summary>
public static class ResultsApi
{
    private static readonly int[] Concluded =
        [ProcessingStatus.Approved.Code(), ProcessingStatus.ApprovedWithMaterialsToFollow.Code(), ProcessingStatus.NotApproved.Code()];

    public sealed record ResultItemDto(string ItemCode, string ItemName, string DepartmentName, int? StatusCode, string? StatusName, string? Opinion, DateTimeOffset? ConcludedAt);
    /// <summary>Paper delivery by mail; RequestedBy is the window officer who recorded it for the applicant (null: the applicant asked online).</summary>
    public sealed record DeliveryDto(string Recipient, string Phone, string Address, DateTimeOffset RequestedAt, string? Carrier, string? TrackingNumber, DateTimeOffset? ShippedAt,
        string? RequestedBy = null, string? ShippedBy = null);
    public sealed record ResultNoticeDto(
        Guid ApplicationId, string ProjectCode, string ProjectName, string ApplicantName, string StageName, bool AllConcluded,
        DateTimeOffset? IssuedAt, string? IssuedBy, IReadOnlyList<ResultItemDto> Items, IReadOnlyList<LicenceDto> Licences, DeliveryDto? Delivery);
    public sealed record DeliveryRequest(string? Recipient, string? Phone, string? Address);
    public sealed record ShippedRequest(string? Carrier, string? TrackingNumber);

    public static void Map(RouteGroupBuilder applications)
    {
        applications.MapGet("/{id:guid}/result-notice", Get).WithSummary("The consolidated result notice / 办结结果通知");
        applications.MapPost("/{id:guid}/result-notice", Issue).RequireAuthorization(Roles.Window)
            .WithSummary("Issue the consolidated result notice once every item is concluded / 出具办结结果通知");
        applications.MapPost("/{id:guid}/delivery", RequestDelivery).RequireAuthorization(p => p.RequireRole(Roles.Applicant, Roles.Window))
            .WithSummary("Ask for the paper results by mail: the applicant, or the window for them (a counter or mailed submission) / 申请邮寄纸质结果（申请人或窗口代为登记）");
        applications.MapPost("/{id:guid}/delivery/shipped", Shipped).RequireAuthorization(Roles.Window)
            .WithSummary("Record the mail's tracking number / 登记邮寄单号");
    }

    private static async Task<Ok<ResultNoticeDto>> Get(Guid id, ClaimsPrincipal user, IntakeDbContext db, IAuditLog audit, CancellationToken ct) =>
        TypedResults.Ok(await NoticeAsync(db, await FindVisibleAsync(db, id, user, audit, ct), ct));

    /// <summary>
    /// The window issues the notice in the very moments the stage's conclusion (a consumer) writes the application's
    /// status, so a conflict on the row is retried from the read (<see cref="ConflictRetry"/>); issuing is idempotent.
    /// </summary>
    private static async Task<Ok<ResultNoticeDto>> Issue(Guid id, ClaimsPrincipal user, IntakeDbContext db, TimeProvider clock, IAuditLog audit, CancellationToken ct) =>
        TypedResults.Ok(await db.RetryOnConflictAsync(async () =>
        {
            var application = await FindAsync(db, id, user, audit, ct);
            var notice = await NoticeAsync(db, application, ct);
            application.IssueResultNotice(notice.AllConcluded, user.DisplayName(), clock.GetUtcNow());
            audit.Add(AuditActions.StateChange, "application", id.ToString(), "result notice issued 出具结果通知", application.RegionCode);
            await db.SaveChangesAsync(ct);
            return notice with { IssuedAt = application.ResultNoticeIssuedAt, IssuedBy = application.ResultNoticeIssuedBy };
        }));

    private static async Task<Ok<DeliveryDto>> RequestDelivery(
        Guid id, DeliveryRequest request, ClaimsPrincipal user, [AsParameters] IntakeServices s, CancellationToken ct)
    {
        var application = await FindVisibleAsync(s.Db, id, user, s.Audit, ct);
        new FieldErrors()
            .Require(!string.IsNullOrWhiteSpace(request.Recipient) && request.Recipient.Length <= 100, "recipient", "is required, at most 100 characters", "收件人必填，最多100字")
            .Require(request.Phone is { Length: >= 7 and <= 20 } p && p.All(c => char.IsDigit(c) || c is '-' or '+' or ' '), "phone", "must be a phone number", "联系电话格式不正确")
            .Require(!string.IsNullOrWhiteSpace(request.Address) && request.Address.Length <= 300, "address", "is required, at most 300 characters", "邮寄地址必填，最多300字")
            .ThrowIfAny();
        if (await s.Db.Deliveries.AnyAsync(d => d.ApplicationId == id, ct))
            throw new IntakeRuleException("Paper delivery was already requested.", "已申请邮寄，不能重复申请。");
        var delivery = new PaperDelivery
        {
            ApplicationId = application.Id, Recipient = request.Recipient!.Trim(), Phone = request.Phone!.Trim(), Address = request.Address!.Trim(),
            RequestedAt = s.Clock.GetUtcNow(), RequestedBy = user.IsInRole(Roles.Window) ? user.DisplayName() : null,
        };
        s.Db.Deliveries.Add(delivery);
        s.Audit.Add(AuditActions.StateChange, "application", id.ToString(), "paper delivery requested 申请邮寄纸质结果", application.RegionCode);
        await s.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(delivery));
    }

    private static async Task<Ok<DeliveryDto>> Shipped(
        Guid id, ShippedRequest request, ClaimsPrincipal user, [AsParameters] IntakeServices s, CancellationToken ct)
    {
        var application = await FindAsync(s.Db, id, user, s.Audit, ct);
        var delivery = await s.Db.Deliveries.FirstOrDefaultAsync(d => d.ApplicationId == application.Id, ct)
            ?? throw new NotFoundException("Paper delivery 邮寄申请", id.ToString());
        delivery.Ship(request.Carrier, request.TrackingNumber, user.DisplayName(), s.Clock.GetUtcNow());
        s.Audit.Add(AuditActions.StateChange, "application", id.ToString(), $"results mailed 结果已寄出 {delivery.TrackingNumber}", application.RegionCode);
        await s.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(delivery));
    }

    private static async Task<ResultNoticeDto> NoticeAsync(IntakeDbContext db, Domain.Application a, CancellationToken ct)
    {
        var entries = await db.Progress.AsNoTracking().Where(p => p.ApplicationId == a.Id && p.ItemCode != null)
            .OrderBy(p => p.OccurredAt).ThenBy(p => p.Id).ToListAsync(ct);
        var items = a.Items.Select(i =>
        {
            var last = entries.LastOrDefault(e => e.ItemCode == i.ItemCode);
            var done = last is not null && Concluded.Contains(last.StatusCode);
            return new ResultItemDto(i.ItemCode, i.ItemName, i.DepartmentName, last?.StatusCode, last?.StatusName, done ? last!.Opinion : null, done ? last!.OccurredAt : null);
        }).ToList();
        var licences = await db.Licences.AsNoTracking().Where(l => l.ApplicationId == a.Id).OrderBy(l => l.ItemCode)
            .Select(l => new LicenceDto(l.Identifier, l.LicenceName, l.ItemCode, l.IssuerName, l.IssuedAt, l.RevokedAt, l.RevocationReason, l.ExpiredAt))
            .ToListAsync(ct);
        var delivery = await db.Deliveries.AsNoTracking().FirstOrDefaultAsync(d => d.ApplicationId == a.Id, ct);
        var allConcluded = a.WasAccepted && items.All(i => i.ConcludedAt is not null);
        return new ResultNoticeDto(a.Id, a.ProjectCode, a.ProjectName, a.ApplicantName, a.StageName, allConcluded,
            a.ResultNoticeIssuedAt, a.ResultNoticeIssuedBy, items, licences, delivery is null ? null : ToDto(delivery));
    }

    private static DeliveryDto ToDto(PaperDelivery d) => new(d.Recipient, d.Phone, d.Address, d.RequestedAt, d.Carrier, d.TrackingNumber, d.ShippedAt, d.RequestedBy, d.ShippedBy);
}
