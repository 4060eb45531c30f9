using Approval.Approvals.Data;
using Approval.Approvals.Domain;
using Approval.Messaging.Systems;

namespace Approval.Approvals.Api;

/// <summary>
/// The inbound side of department systems (R-7.12b): with a client-credentials token (role department, org = its
/// department) a system records start, key steps, 补正, special procedures, the decision with its opinion and the result
/// certificate of the items routed to its department. Every call carries an Idempotency-Key. An item routed to another
/// department answers 403: the system knows the item (it was pushed to it or named by the caller) but may not act on it.
/// </summary>
public static class DepartmentSystemApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/approvals/inbound/items/{id:guid}").WithTags("Department systems").RequireAuthorization(Roles.Department);
        api.MapPost("/start", (Guid id, StartRequest? request, Inbound c) =>
            c.Run(id, request ?? new StartRequest(null), (item, actor, ct) => c.Commands.StartAsync(item, actor, request?.Opinion, ct)))
            .WithSummary("部门开始办理 from a department system (Idempotency-Key)");
        api.MapPost("/steps", (Guid id, KeyStepRequest request, Inbound c) =>
            c.Run(id, request, (item, actor, ct) => c.Commands.RecordKeyStepAsync(item, actor, request.Note, ct)))
            .WithSummary("A key step (关键环节) from a department system (Idempotency-Key)");
        api.MapPost("/corrections", (Guid id, StartCorrectionRequest request, Inbound c) =>
            c.Run(id, request, (item, actor, ct) => c.Commands.StartCorrectionAsync(item, actor, request, ct)))
            .WithSummary("补正（开始） from a department system: the complete list of what is missing (Idempotency-Key)");
        api.MapPost("/special-procedures", (Guid id, StartSpecialProcedureRequest request, Inbound c) =>
            c.Run(id, request, (item, actor, ct) => c.Commands.StartSpecialProcedureAsync(item, actor, request, ct)))
            .WithSummary("特别程序（开始） from a department system (Idempotency-Key)");
        api.MapPost("/special-procedures/end", (Guid id, EndSpecialProcedureRequest request, Inbound c) =>
            c.Run(id, request, (item, actor, ct) => c.Commands.EndSpecialProcedureAsync(item, actor, request, ct)))
            .WithSummary("特别程序（结束） from a department system (Idempotency-Key)");
        api.MapPost("/conclude", (Guid id, ConcludeRequest request, Inbound c) =>
            c.Run(id, request, (item, actor, ct) => c.Commands.ConcludeAsync(item, actor, request, ct)))
            .WithSummary("办结 with opinion and certificate reference from a department system (Idempotency-Key)");
        api.MapPost("/certificate", (Guid id, CertificateRequest request, Inbound c) =>
            c.Run(id, request, (item, actor, ct) => c.Commands.RecordCertificateAsync(item, actor, request.Reference, ct)))
            .WithSummary("The result certificate's reference from a department system (Idempotency-Key)");
    }

    /// <summary>What every inbound call needs, bound once per request.</summary>
    public sealed class Inbound(IHttpContextAccessor accessor, ApprovalsDbContext db, ItemCommands commands, Idempotency idempotency, IAuditLog audit)
    {
        public ItemCommands Commands => commands;

        public async Task<IResult> Run<TRequest>(Guid id, TRequest request, Func<ItemInstance, string, CancellationToken, Task<ItemInstanceDto>> action)
        {
            var http = accessor.HttpContext!;
            var user = http.User;
            var ct = http.RequestAborted;
            var item = await db.Items.FirstOrDefaultAsync(i => i.Id == id, ct);
            if (item is null || !user.InRegion(item.RegionCode)) throw new NotFoundException("Item instance 事项实例", id.ToString());
            if (item.DepartmentCode != user.OrganisationCode())
            {
                await audit.DenyAsync("item-instance", id.ToString(), $"department system of {user.OrganisationCode()} acting on an item routed to {item.DepartmentCode}", ct, item.RegionCode);
                throw new RequestRefusedException(StatusCodes.Status403Forbidden, "Not your department's item / 非本部门事项",
                    $"Item instance {id} is routed to department {item.DepartmentCode}, not {user.OrganisationCode()}.", $"该事项由{item.DepartmentName}办理，本部门不能处理。");
            }
            return await idempotency.RunAsync(http, request, () => action(item, user.DisplayName(), ct));
        }
    }
}
