using Approval.Supervision.Data;
using Approval.Supervision.Domain;

namespace Approval.Supervision.Api;

/// <summary>督办: a supervisor reminds the handler and the department lead of a case; recorded, audited and sent (Notifications).</summary>
public static class UrgeApi
{
    public static async Task<Ok<NoticeDto>> Urge(Guid id, UrgeRequest? request, ClaimsPrincipal user, SupervisionDbContext db, IAuditLog audit,
        NoticeSender sender, CancellationToken ct)
    {
        var note = request?.Note?.Trim();
        new FieldErrors().Require(!string.IsNullOrEmpty(note) && note.Length <= 1000, "note", "is required, at most 1000 characters", "督办意见必填，最多1000字").ThrowIfAny();
        var item = await ItemAccess.FindAsync(db, audit, id, SupervisionScope.Of(user), ct);
        var notice = await sender.RaiseAsync(item, SupervisionNotice.Urge, note, user.DisplayName(), ct);
        audit.Add(AuditActions.StateChange, "item-clock", id.ToString(), $"督办 by {user.DisplayName()}: {note}", item.RegionCode, user);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new NoticeDto(notice.Id, notice.Kind, notice.Note, notice.By, notice.Recipients.Count, notice.RaisedAt));
    }
}
