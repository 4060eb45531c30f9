using Approval.Intake.Data;
using Microsoft.EntityFrameworkCore;

namespace Approval.Intake.Api;

/// <summary>
/// An application's timeline (办理进度: its own and its items' lines, oldest first) and its certificates: the read behind
/// GET /applications/{id}/progress, which ./approval bench also times on a table of 1 M lines (TimelineBench).
/// </summary>
public static class ApplicationTimeline
{
    public static async Task<(List<ProgressEntryDto> Timeline, List<LicenceDto> Licences)> ReadAsync(IntakeDbContext db, Guid id, CancellationToken ct)
    {
        var timeline = await db.Progress.AsNoTracking().Where(p => p.ApplicationId == id)
            .OrderBy(p => p.OccurredAt).ThenBy(p => p.Id)
            .Select(p => new ProgressEntryDto(p.OccurredAt, p.Subject, p.ItemCode, p.StatusCode, p.StatusName, p.Actor, p.Organisation, p.Opinion))
            .ToListAsync(ct);
        var licences = await db.Licences.AsNoTracking().Where(l => l.ApplicationId == id).OrderBy(l => l.ItemCode)
            .Select(l => new LicenceDto(l.Identifier, l.LicenceName, l.ItemCode, l.IssuerName, l.IssuedAt, l.RevokedAt, l.RevocationReason, l.ExpiredAt))
            .ToListAsync(ct);
        return (timeline, licences);
    }
}
