using Microsoft.AspNetCore.Mvc;

namespace Approval.Identity.Api;

/// <summary>A ProblemDetails body for typed 409 answers.</summary>
public sealed class ProblemDetailsBody : ProblemDetails
{
    public static ProblemDetailsBody Conflict(string detail) =>
        new() { Status = StatusCodes.Status409Conflict, Title = "Already exists / 已存在", Detail = detail };
}
