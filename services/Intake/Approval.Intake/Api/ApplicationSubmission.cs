using Approval.Contracts.Codes;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Intake.Clients;
using Approval.Intake.Data;
using Approval.Intake.Domain;
using Approval.Messaging;
using Approval.ServiceDefaults.Region;

namespace Approval.Intake.Api;

/// <summary>The applicant a submission is for: the caller online, or the account the window names at the counter.</summary>
public sealed record Applicant(string Id, string Name, string? Mobile);

/// <summary>
/// 接件 (R-6.6, R-7.2, R-7.6): checks the engineering code (required from stage 2 on), the project code, stage, items, the stage form against the Catalog's schema and the
/// chosen materials, then records the application (已接件), its first timeline line, its materials and the
/// ApplicationReceived event in one transaction. Used online, at the counter and when a draft is submitted.
/// </summary>
public sealed partial class ApplicationSubmission(
    IntakeDbContext db, DeploymentRegion region, CatalogClient catalog, ProjectsClient projects, FormKnownValues knownValues, MaterialAttachment materials, TimeProvider clock, IAuditLog audit)
{
    public async Task<Domain.Application> ReceiveAsync(
        SubmitApplicationRequest request, Applicant applicant, AcceptanceChannel channel, ClaimsPrincipal actor, CancellationToken ct)
    {
        var project = await ProjectOfAsync(request.EngineeringCode, ct);
        if (project is not null)
        {
            // At the counter the window reads any project of its region: the phase must be the named applicant's own.
            if (project.OwnerId != applicant.Id)
                throw ValidationException.For("engineeringCode", $"{project.EngineeringCode} is not a project of the applicant {applicant.Id}",
                    $"工程代码{project.EngineeringCode}不属于申请人{applicant.Name}的项目");
            if (request.ProjectCode is { Length: > 0 } named && named != project.ProjectCode)
                throw ValidationException.For("projectCode", $"is not the project of engineering code {project.EngineeringCode} ({project.ProjectCode})",
                    $"项目代码与工程代码{project.EngineeringCode}所属项目（{project.ProjectCode}）不一致");
            request = request with { ProjectCode = project.ProjectCode, ProjectName = request.ProjectName is { Length: > 0 } ? request.ProjectName : project.ProjectName };
        }
        var errors = new FieldErrors();
        if (InvestmentProjectCode.Problem(request.ProjectCode, region.Code) is { } codeProblem) errors.Add("projectCode", codeProblem);
        errors.Require(!string.IsNullOrWhiteSpace(request.ProjectName) && request.ProjectName.Length <= 200,
            "projectName", "is required, at most 200 characters", "项目名称必填，最多200字");
        errors.Require(request.StageNo is not null, "stageNo", "is required", "审批阶段必填");
        // R-7.6: the codes follow the project through its life — from stage 2 on, every application names its phase's 工程代码.
        errors.Require(project is not null || request.StageNo is not >= 2, "engineeringCode",
            "is required from stage 2 on (register the project and generate its engineering code first)", "自第二阶段起必须按工程代码申报（请先在我的项目中登记项目并生成工程代码）");
        errors.Require(request.Form is null || request.Form.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined,
            "form", "must be a JSON object", "表单数据必须是JSON对象");
        errors.ThrowIfAny();

        var flowCode = FlowCodeOf(request.FlowCode);
        var stage = await catalog.GetStageAsync(request.StageNo!.Value, flowCode, ct)
            ?? throw (flowCode is null
                ? ValidationException.For("stageNo", $"stage {request.StageNo} is not in the catalog", $"目录中没有第{request.StageNo}阶段")
                : ValidationException.For("flowCode", $"{flowCode} is not a flow of the catalog offering stage {request.StageNo}",
                    $"目录中没有含第{request.StageNo}阶段的审批流程{flowCode}"));
        var flow = stage.Flow;
        var chosen = request.ItemCodes is { Count: > 0 } ? request.ItemCodes.Distinct().ToList() : stage.Items.Select(i => i.Code).ToList();
        var unknown = chosen.Where(c => stage.Items.All(i => i.Code != c)).ToList();
        if (unknown.Count > 0)
            throw ValidationException.For("itemCodes", $"not items of stage {stage.No}: {string.Join(", ", unknown)}", $"不属于该阶段的事项：{string.Join("、", unknown)}");

        var items = stage.Items.Where(i => chosen.Contains(i.Code)).Select(i => new ApplicationItem(
            i.Code, i.Name, i.Department.Code, i.Department.Name, i.Department.CreditCode, i.TimeLimitWorkingDays,
            i.LicenceTypeCode, i.LicenceName, i.Version, i.Milestone, i.NotificationCommitment, i.After, i.TimeLimit, i.TimeLimitUnit, i.RequiresReview,
            i.LicenceFields is { Count: > 0 } content ? JsonSerializer.Serialize(content) : null, i.LicenceValidityMonths)).ToList();
        var known = await knownValues.ForAsync(request.ProjectCode!, request.ProjectName!.Trim(), project?.Fields, applicant.Id, null, ct);
        var form = await ValidFormAsync(request.Form, stage.No, items.Select(i => i.ItemCode), known, ct);
        var now = clock.GetUtcNow();
        var application = Domain.Application.Receive(region.Code, request.ProjectCode!, request.ProjectName!.Trim(),
            applicant.Id, applicant.Name, stage.No, stage.Name, form, items, now,
            channel, channel == AcceptanceChannel.Web ? null : actor.DisplayName(), project?.EngineeringCode,
            await ApplicantNumberAsync(applicant, channel, actor, ct), stage.MilestoneRule, stage.TimeLimitWorkingDays,
            flow is null ? null : (flow.Code, flow.Version, flow.Type));
        var attached = await materials.ResolveAsync(application, request.Materials, now, ct);

        db.Applications.Add(application);
        db.AttachedMaterials.AddRange(attached);
        db.Progress.Add(ApplicationAccess.Entry(application, actor, channel == AcceptanceChannel.Web ? null : $"{channel.ChineseName()}接件", now));
        db.AddOutboxEvent(IntakeEvents.Received(application, applicant.Mobile, actor.DisplayName()), application.Id.ToString(), clock);
        ApplicationAccess.Audit(audit, application);
        return application;
    }

    /// <summary>
    /// The holder's credit code / ID number (real_name_number): online, the applicant's own token states it; at the counter
    /// the window names only the account, so the number its earlier online applications recorded is carried over (or none).
    /// </summary>
    private async Task<string?> ApplicantNumberAsync(Applicant applicant, AcceptanceChannel channel, ClaimsPrincipal actor, CancellationToken ct) =>
        channel == AcceptanceChannel.Web
            ? actor.CreditOrIdNumber()
            : await db.Applications.AsNoTracking().Where(a => a.ApplicantId == applicant.Id && a.ApplicantNumber != null)
                .OrderByDescending(a => a.ReceivedAt).Select(a => a.ApplicantNumber).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The approval flow (审批流程) the applicant chose — its type (政府投资, 社会投资, 低风险 …) sets the stage's limit and items;
    /// none chosen → null (the region's stage limit and items).
    /// </summary>
    private static string? FlowCodeOf(string? flowCode)
    {
        if (string.IsNullOrWhiteSpace(flowCode)) return null;
        if (flowCode.Length > 50) throw ValidationException.For("flowCode", "is at most 50 characters", "审批流程编码最多50个字符");
        return flowCode.Trim();
    }

    /// <summary>The project an engineering code (工程代码) names, read with the caller's token; none named → null.</summary>
    public async Task<ProjectPrefill?> ProjectOfAsync(string? engineeringCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(engineeringCode)) return null;
        // 工程代码: the project code and a 3-digit phase (DOMAIN.md); anything else never reaches Projects
        if (!EngineeringCodeShape().IsMatch(engineeringCode.Trim()))
            throw ValidationException.For("engineeringCode", "is not an engineering code (NNNN-NNNNNN-NN-NN-NNNNNN-NNN)", "工程代码格式应为项目代码加三位阶段序号");
        return await projects.GetPrefillAsync(engineeringCode.Trim(), ct)
            ?? throw ValidationException.For("engineeringCode", $"{engineeringCode} is not a project of yours (Projects)",
                $"工程代码{engineeringCode}不存在或不属于申请人的项目");
    }

    /// <summary>
    /// The stage form (一张表单) checked against the schema the catalog serves for the chosen items, after filling in
    /// what is already known (FormKnownValues: the project's data and the project's earlier stage forms); every failing field is a 400 "form.&lt;field&gt;".
    /// </summary>
    public async Task<string> ValidFormAsync(JsonElement? submittedForm, int stageNo, IEnumerable<string> itemCodes,
        IReadOnlyDictionary<string, string> known, CancellationToken ct)
    {
        var schema = await catalog.GetStageFormAsync(stageNo, itemCodes, ct);
        var submitted = submittedForm is { ValueKind: JsonValueKind.Object } f ? JsonNode.Parse(f.GetRawText())!.AsObject() : [];
        var form = StageFormPrefill.Apply(schema, submitted, known);
        var errors = new FieldErrors();
        foreach (var (field, message) in StageFormValidator.Validate(schema, form)) errors.Add($"form.{field}", message);
        errors.ThrowIfAny();
        return form.ToJsonString(FormJson);
    }

    private static readonly JsonSerializerOptions FormJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}-\d{3}$")]
    private static partial System.Text.RegularExpressions.Regex EngineeringCodeShape();
}
