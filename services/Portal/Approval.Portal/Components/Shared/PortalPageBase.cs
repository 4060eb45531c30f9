using Approval.Portal.Clients;
using Microsoft.AspNetCore.Components;

namespace Approval.Portal.Components.Shared;

/// <summary>
/// What every screen shares: <see cref="Run"/>, which turns a failed call of a typed client (Clients/; each screen
/// injects the ones it calls) into the message shown on the page (<see cref="Message"/>) and the per-field errors
/// (<see cref="Problem"/>), with a busy flag for spinners.
/// </summary>
public abstract class PortalPageBase : ComponentBase
{
    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    protected ApiProblem? Problem { get; set; }
    protected string? Message { get; set; }
    protected string? Success { get; set; }
    protected bool Busy { get; set; }

    /// <summary>Runs an API call; true when it succeeded.</summary>
    protected async Task<bool> Run(Func<Task> action)
    {
        Problem = null;
        Message = null;
        Success = null;
        Busy = true;
        try
        {
            await action();
            return true;
        }
        catch (ApiProblem p)
        {
            Problem = p;
            Message = p.Message;
            return false;
        }
        catch (HttpRequestException e)
        {
            Message = $"服务暂不可用，请稍后重试。（{e.Message}）";
            return false;
        }
        finally
        {
            Busy = false;
        }
    }
}
