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

/// <summary>
/// A request named a street, community or judge (by id or code) that the sender's court does not have. <see cref="Field"/>
/// is the field that named it, as the sender wrote it (<c>street</c>, <c>case.judge</c>); another court's unit is refused
/// exactly like one that does not exist. <see cref="Value"/> is what the request gave there.
/// </summary>
public sealed class UnknownReferenceException(string field, string messageKey, string? value = null) : DomainRuleException(messageKey, value)
{
    public string Field { get; } = field;

    public string? Value { get; } = value;
}
