namespace ExecutionHub.Web.Domain;

/// <summary>
/// A domain rule refused a change (e.g. closing a matter that was never fed back). <see cref="MessageKey"/>
/// names a resource string that explains the refusal to the user; nothing has been changed.
/// </summary>
public class DomainRuleException(string messageKey, string? detail = null)
    : Exception(detail is null ? messageKey : $"{messageKey}: {detail}")
{
    public string MessageKey { get; } = messageKey;
}
