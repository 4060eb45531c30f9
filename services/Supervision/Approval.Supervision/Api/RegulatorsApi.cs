using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.Messaging.Systems;
using Approval.ServiceDefaults.Region;
using Approval.Supervision.Data;
using Approval.Supervision.Domain;

namespace Approval.Supervision.Api;

public sealed record FileRecordRequest(string? Kind, string? Title, string? Summary, DateOnly? OccurredOn, string? DocumentNo, Guid? ItemInstanceId);

public sealed record RegulatorRecordDto(Guid Id, string ProjectCode, string RegulatorCode, string RegulatorName, string Kind, string KindName,
    string Title, string Summary, DateOnly OccurredOn, string? DocumentNo, Guid? ItemInstanceId, DateTimeOffset FiledAt)
{
    public static RegulatorRecordDto Of(RegulatorRecord r) => new(r.Id, r.ProjectCode, r.RegulatorCode, r.RegulatorName, r.Kind,
        RegulatorRecord.KindNames[r.Kind], r.Title, r.Summary, r.OccurredOn, r.DocumentNo, r.ItemInstanceId, r.FiledAt);
}

/// <summary>
/// 审管联动: the regulators' side of Supervision. Every item conclusion is published to the supervision exchange and
/// to each regulator system's registered webhook (<c>approval.result</c>); a regulator (role regulator: a supervising
/// department's system by client credentials, or its inspector) files its in-process and post-approval records on a project,
/// retried safely with <c>Idempotency-Key</c>; they appear on the project's timeline (<see cref="ProjectTimelineApi"/>).
/// </summary>
public static class RegulatorsApi
{
    public const string ResultEvent = "approval.result";

    public static void Map(WebApplication app)
    {
        app.MapWebhookRegistration<SupervisionDbContext>("/api/supervision/regulators", Roles.Regulator, "regulator-webhook", "Supervision");
        app.MapPost("/api/supervision/projects/{projectCode}/records", FileAsync).WithTags("Supervision")
            .RequireAuthorization(Roles.Regulator).AcceptsIdempotencyKey()
            .WithSummary("A regulator files an inspection, penalty or rectification order on a project (Idempotency-Key) / 监管部门录入事中事后监管记录");
    }

    private static async Task<Created<RegulatorRecordDto>> FileAsync(string projectCode, FileRecordRequest request, ClaimsPrincipal user,
        SupervisionDbContext db, IAuditLog audit, DeploymentRegion region, SupervisionToday today, TimeProvider clock, CancellationToken ct)
    {
        var regulator = user.OrganisationCode();
        var stages = await db.Stages.AsNoTracking().Where(s => s.RegionCode == region.Code && s.ProjectCode == projectCode)
            .Select(s => s.ProjectName).ToListAsync(ct);
        if (regulator is null || !user.InRegion(region.Code) || stages.Count == 0)
        {
            if (stages.Count > 0) await audit.DenyAsync("project", projectCode, "a regulator of another region", ct, region.Code);
            throw new NotFoundException("Project 项目", projectCode);
        }
        var title = request.Title?.Trim();
        var summary = request.Summary?.Trim();
        var errors = new FieldErrors()
            .Require(request.Kind is not null && RegulatorRecord.KindNames.ContainsKey(request.Kind), "kind",
                "must be inspection, penalty or rectification-order", "须为 inspection（监督检查）、penalty（行政处罚）或 rectification-order（责令整改）")
            .Require(title is { Length: > 0 and <= 100 }, "title", "is required, at most 100 characters", "标题必填，最多100字")
            .Require(summary is { Length: > 0 and <= 2000 }, "summary", "is required, at most 2000 characters", "内容必填，最多2000字")
            .Require(request.OccurredOn is { } on && on <= today.Date && on.Year >= 2000, "occurredOn",
                "is required and may not be in the future", "发生日期必填，且不能晚于今天")
            .Require(request.DocumentNo is null || request.DocumentNo.Trim().Length is > 0 and <= 64, "documentNo", "at most 64 characters", "文书编号最多64个字符");
        errors.ThrowIfAny();
        if (request.ItemInstanceId is { } item && !await db.Items.AnyAsync(i => i.ItemInstanceId == item && i.ProjectCode == projectCode && i.RegionCode == region.Code, ct))
            throw ValidationException.For("itemInstanceId", "is not an item of this project", "该事项不属于此项目");

        var now = clock.GetUtcNow();
        var record = new RegulatorRecord
        {
            Id = Guid.CreateVersion7(now), RegionCode = region.Code, ProjectCode = projectCode, RegulatorCode = regulator,
            RegulatorName = region.Department(regulator)?.Name ?? regulator, Kind = request.Kind!, Title = title!, Summary = summary!,
            OccurredOn = request.OccurredOn!.Value, DocumentNo = request.DocumentNo?.Trim(), ItemInstanceId = request.ItemInstanceId,
            FiledBy = user.DisplayName(), FiledAt = now,
        };
        db.RegulatorRecords.Add(record);
        var owners = await db.Applications.Where(a => a.RegionCode == region.Code && a.ProjectCode == projectCode && a.ApplicantId != null)
            .Select(a => a.ApplicantId!).Distinct().ToListAsync(ct);
        db.AddOutboxEvent(new RegulatorRecordFiled(record.Id, region.Code, projectCode, stages[0], regulator, record.RegulatorName, record.Kind,
            record.Title, record.OccurredOn, owners, now), projectCode, clock);
        audit.Add(AuditActions.StateChange, "regulator-record", record.Id.ToString(), $"{record.Kind} on {projectCode} by {regulator}: {record.Title}",
            region.Code, user);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/supervision/projects/{projectCode}/timeline", RegulatorRecordDto.Of(record));
    }
}
