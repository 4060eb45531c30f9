namespace Approval.Contracts.Errors;

/// <summary>
/// A request refused with a status no other error type has (401, 403, 413, 415, 422, 429, or a 409 naming what already
/// exists): <paramref name="title"/> names the refusal in English and Chinese ("Sign-in failed / 登录失败"), the
/// messages say why. A message that already carries both languages goes alone, with an empty Chinese message.
/// </summary>
public sealed class RequestRefusedException(int status, string title, string message, string chineseMessage)
    : DomainException(message, chineseMessage)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
}
