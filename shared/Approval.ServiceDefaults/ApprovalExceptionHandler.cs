using Approval.Contracts.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Approval.ServiceDefaults;

/// <summary>
/// The one place where errors become RFC 9457 ProblemDetails: domain rules → 400/404/409 with an
/// English and a Chinese message; a malformed body → 400; anything else stays a 500 (and is logged).
/// </summary>
public sealed class ApprovalExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            ValidationException v => new ValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid request / 请求参数不符合要求",
                Detail = $"{v.Message} {v.ChineseMessage}",
            },
            NotFoundException n => Problem(StatusCodes.Status404NotFound, "Not found / 未找到", n),
            InvalidTransitionException t => WithStatuses(Problem(StatusCodes.Status409Conflict, "Illegal status transition / 非法状态变更", t), t),
            DomainException d => Problem(StatusCodes.Status409Conflict, "Business rule violated / 违反业务规则", d),
            BadHttpRequestException b => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Malformed request / 请求格式错误",
                Detail = b.Message,
            },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Concurrent change / 并发修改冲突",
                Detail = "The object was changed by someone else; reload and retry. 该对象已被他人修改，请刷新后重试。",
            },
            _ => null,
        };
        if (problem is null) return false;

        http.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string title, DomainException e) =>
        new() { Status = status, Title = title, Detail = $"{e.Message} {e.ChineseMessage}" };

    private static ProblemDetails WithStatuses(ProblemDetails p, InvalidTransitionException t)
    {
        p.Extensions["currentStatus"] = (int)t.Current;
        p.Extensions["attemptedStatus"] = (int)t.Attempted;
        return p;
    }
}
