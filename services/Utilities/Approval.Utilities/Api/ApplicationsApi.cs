using Approval.Contracts.Events;
using Approval.Messaging;
using Approval.ServiceDefaults.Region;
using Approval.Utilities.Clients;
using Approval.Utilities.Data;
using Approval.Utilities.Domain;

namespace Approval.Utilities.Api;

/// <summary>The applicant's side (R-10.1, R-10.2): apply once for several utilities, follow each step and clock, answer supplements.</summary>
public static class ApplicationsApi
{
    private static readonly string[] RequestTypes = ["新装", "增容", "临时"];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/providers", Providers).WithSummary("The region's utilities, their service types, steps, guides and fee standards / 市政公用服务单位及办事指南、收费标准");
        var applications = api.MapGroup("/applications").RequireAuthorization(Roles.Applicant);
        applications.MapPost("/", Apply).WithSummary("Apply once for one or several utilities of my project / 一表申请水电气等报装");
        applications.MapGet("/", Mine).WithSummary("My utility applications with every step and clock / 我的报装申请及进度");
        applications.MapGet("/{id:guid}", One).WithSummary("One utility application with every step and clock / 报装申请进度");
        api.MapPost("/requests/{id:guid}/supplements/answer", Answer).RequireAuthorization(Roles.Applicant)
            .WithSummary("Answer the utility's supplement request; its clock runs again / 答复补正（补正结束）");
    }

    private static Ok<List<ProviderDto>> Providers(UtilityProviders providers) => TypedResults.Ok(providers.All.Select(UtilityViews.ToDto).ToList());

    private static async Task<Created<ApplicationDto>> Apply(ApplyRequest body, ClaimsPrincipal user, UtilitiesDbContext db, UtilityProviders providers,
        ProjectsClient projects, DeploymentRegion region, UtilityViews views, TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var lines = Check(body, providers);
        var code = body.EngineeringCode!.Trim();
        var phase = await projects.GetAsync(code, ct);
        if (phase is null || (phase.OwnerId.Length > 0 && phase.OwnerId != user.UserId()))
        {
            await audit.DenyAsync("engineering-code", code, "not the applicant's project", ct, region.Code);
            throw new NotFoundException("Engineering code 工程代码", code);
        }
        var now = clock.GetUtcNow();
        var application = UtilityApplication.Create(region.Code, phase.ProjectCode, phase.ProjectName, phase.EngineeringCode, user.UserId(),
            user.DisplayName(), body.Address!.Trim(), now);
        db.Applications.Add(application);
        var requests = lines.Select(l => UtilityRequest.Open(application.Id, application, l.Provider, l.ServiceType, l.RequestType, l.Demand, now)).ToList();
        foreach (var r in requests)
        {
            db.Requests.Add(r);
            db.AddOutboxEvent(new UtilityApplied(r.Id, application.Id, r.RegionCode, r.ProjectCode, r.EngineeringCode, r.ApplicantId, r.UtilityCode,
                r.ServiceType, r.RequestType, now), r.Id.ToString(), clock);
            audit.Add(AuditActions.StateChange, "utility-request", r.Id.ToString(), $"报装申请 {r.UtilityCode} {ServiceTypes.NameOf(r.ServiceType)}", r.RegionCode);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/utilities/applications/{application.Id}", views.ToDto(application, requests));
    }

    private sealed record Line(UtilityProvider Provider, string ServiceType, string RequestType, string? Demand);

    /// <summary>Every field at once (400): the engineering code, the address, and per line a utility that provides the service type asked for.</summary>
    private static List<Line> Check(ApplyRequest body, UtilityProviders providers)
    {
        var errors = new FieldErrors();
        errors.Require(!string.IsNullOrWhiteSpace(body.EngineeringCode), "engineeringCode", "is required", "工程代码必填");
        errors.Require(!string.IsNullOrWhiteSpace(body.Address) && body.Address.Trim().Length <= 300, "address", "is required, at most 300 characters", "报装地址必填，最多300字");
        var requests = body.Requests ?? [];
        errors.Require(requests.Count is >= 1 and <= 10, "requests", "name 1 to 10 utilities", "应选择1至10项报装");
        var lines = new List<Line>();
        for (var i = 0; i < Math.Min(requests.Count, 10); i++)
        {
            var r = requests[i];
            var provider = providers.Find(r.UtilityCode?.Trim());
            if (provider is null)
            {
                errors.Add($"requests[{i}].utilityCode", $"'{r.UtilityCode}' is not a utility of the region / 不是本地区的市政公用服务单位");
                continue;
            }
            if (r.ServiceType is null || !provider.ServiceTypes.Contains(r.ServiceType))
            {
                errors.Add($"requests[{i}].serviceType",
                    $"'{r.ServiceType}' is not a service type {provider.Code} provides ({string.Join(", ", provider.ServiceTypes)}) / {provider.Name}不提供该类服务（可选：{string.Join("、", provider.ServiceTypes.Select(ServiceTypes.NameOf))}）");
                continue;
            }
            var type = string.IsNullOrWhiteSpace(r.RequestType) ? "新装" : r.RequestType.Trim();
            errors.Require(RequestTypes.Contains(type), $"requests[{i}].requestType", "must be 新装, 增容 or 临时", "报装类型应为新装、增容或临时");
            errors.Require(r.Demand is null || r.Demand.Length <= 200, $"requests[{i}].demand", "must have at most 200 characters", "用量需求最多200字");
            if (lines.Any(l => l.Provider.Code == provider.Code && l.ServiceType == r.ServiceType))
                errors.Add($"requests[{i}]", $"{provider.Code} {r.ServiceType} is named twice / 同一单位同一服务重复申请");
            lines.Add(new Line(provider, r.ServiceType, type, r.Demand?.Trim()));
        }
        errors.ThrowIfAny();
        return lines;
    }

    private static async Task<Ok<List<ApplicationDto>>> Mine(ClaimsPrincipal user, UtilitiesDbContext db, UtilityViews views, CancellationToken ct)
    {
        var me = user.UserId();
        var applications = await db.Applications.AsNoTracking().Where(a => a.ApplicantId == me).OrderByDescending(a => a.AppliedAt).Take(100).ToListAsync(ct);
        var ids = applications.Select(a => a.Id).ToList();
        var requests = await db.Requests.AsNoTracking().Where(r => ids.Contains(r.ApplicationId)).ToListAsync(ct);
        return TypedResults.Ok(applications.Select(a => views.ToDto(a, requests.Where(r => r.ApplicationId == a.Id))).ToList());
    }

    private static async Task<Ok<ApplicationDto>> One(Guid id, ClaimsPrincipal user, UtilitiesDbContext db, UtilityViews views, IAuditLog audit, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException("Utility application 报装申请", id.ToString());
        if (application.ApplicantId != user.UserId())
        {
            await audit.DenyAsync("utility-application", id.ToString(), "not the applicant", ct, application.RegionCode);
            throw new NotFoundException("Utility application 报装申请", id.ToString());
        }
        var requests = await db.Requests.AsNoTracking().Where(r => r.ApplicationId == id).ToListAsync(ct);
        return TypedResults.Ok(views.ToDto(application, requests));
    }

    private static async Task<Ok<RequestDto>> Answer(Guid id, AnswerBody body, ClaimsPrincipal user, UtilitiesDbContext db, UtilityViews views,
        TimeProvider clock, IAuditLog audit, CancellationToken ct)
    {
        var request = await RequestAccess.ForApplicantAsync(db, id, user, audit, ct);
        var supplement = request.AnswerSupplement(body.Answer, clock.GetUtcNow());
        audit.Add(AuditActions.StateChange, "utility-request", id.ToString(), $"补正（结束） 第{supplement.StepNo}步", request.RegionCode);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(views.ToDto(request));
    }
}
