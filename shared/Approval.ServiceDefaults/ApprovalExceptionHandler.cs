using Approval.Contracts.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Approval.ServiceDefaults;

/// <summary>
/// The one place where errors become RFC 9457 ProblemDetails: domain rules → 400/404/409 with an English and a Chinese
/// message, refusals (<see cref="RequestRefusedException"/>) with their own status and title; a malformed body, or text with a NUL
/// character that PostgreSQL refused → 400;
/// anything else stays a 500 (and is logged). Middleware that answers before any endpoint runs (the body limit) writes
/// through <see cref="WriteAsync(HttpContext, DomainException)"/>, so every problem is shaped here.
/// </summary>
public sealed class ApprovalExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (ProblemFor(exception) is not { } problem) return false;
        await WriteAsync(http, problem);
        return true;
    }

    /// <summary>Answers with the problem of <paramref name="error"/>, for code that refuses without throwing.</summary>
    public static Task WriteAsync(HttpContext http, DomainException error) => WriteAsync(http, ProblemFor(error)!);

    /// <summary>
    /// Written through the ProblemDetails service, and as plain problem+json when the client's Accept rules that out
    /// (a progress stream asks for text/event-stream): a refusal always reaches the caller.
    /// </summary>
    private static Task WriteAsync(HttpContext http, ProblemDetails problem) => TypedResults.Problem(problem).ExecuteAsync(http);

    private static ProblemDetails? ProblemFor(Exception exception) => exception switch
    {
        ValidationException v => new ValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid request / 请求参数不符合要求",
            Detail = $"{v.Message} {v.ChineseMessage}",
        },
        NotFoundException n => Problem(StatusCodes.Status404NotFound, "Not found / 未找到", n),
        InvalidTransitionException t => WithStatuses(Problem(StatusCodes.Status409Conflict, "Illegal status transition / 非法状态变更", t), t),
        RequestRefusedException r => Problem(r.Status, r.Title, r),
        DomainException d => Problem(StatusCodes.Status409Conflict, "Business rule violated / 违反业务规则", d),
        BadHttpRequestException b => new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Malformed request / 请求格式错误",
            Detail = b.Message,
        },
        _ when IsNulInText(exception) => new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid text / 文本含有不允许的字符",
            Detail = "Text may not contain the NUL character (U+0000). 文本不得含有空字符（U+0000）。",
        },
        DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Concurrent change / 并发修改冲突",
            Detail = "The object was changed by someone else; reload and retry. 该对象已被他人修改，请刷新后重试。",
        },
        _ => null,
    };

    /// <summary>
    /// Development only (the suite's tests, a developer's <c>up</c>): an unexpected error's 500 carries an <c>exception</c>
    /// member — each exception's type and message, outermost first, no stack — so a test that meets a rare 500 (the
    /// bad-input sweep) reports its cause; the service's log may be gone by then. Other environments answer the bare 500.
    /// </summary>
    public static void NameException(ProblemDetailsContext context)
    {
        if (context.Exception is null || context.HttpContext.Response.StatusCode < 500) return;
        var chain = new List<string>();
        for (var e = context.Exception; e is not null && chain.Count < 4; e = e.InnerException) chain.Add($"{e.GetType().FullName}: {e.Message}");
        var text = string.Join(" ---> ", chain);
        context.ProblemDetails.Extensions["exception"] = text.Length <= 2000 ? text : text[..2000];
    }

    /// <summary>
    /// PostgreSQL refused a NUL character the caller sent (in a query value or a body): text columns reject 0x00 (22021)
    /// and jsonb rejects \u0000 (22P05). The statement failed, so nothing was written; it is the caller's input, not a fault.
    /// </summary>
    private static bool IsNulInText(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is Npgsql.PostgresException { SqlState: "22021" or "22P05" }) return true;
        return false;
    }

    private static ProblemDetails Problem(int status, string title, DomainException e) => new()
    {
        Status = status,
        Title = title,
        Detail = e.ChineseMessage.Length == 0 ? e.Message : $"{e.Message} {e.ChineseMessage}",
    };

    private static ProblemDetails WithStatuses(ProblemDetails p, InvalidTransitionException t)
    {
        p.Extensions["currentStatus"] = (int)t.Current;
        p.Extensions["attemptedStatus"] = (int)t.Attempted;
        return p;
    }
}
