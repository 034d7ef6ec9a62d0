namespace ExecutionHub.Web.Infrastructure.Mediator;

/// <summary>
/// The pipeline or a handler refused the request; nothing was changed. <see cref="MessageKey"/>
/// names a resource string the UI shows.
/// </summary>
public sealed class RequestRefusedException(string messageKey, string? detail = null)
    : Exception(detail is null ? messageKey : $"{messageKey}: {detail}")
{
    public string MessageKey { get; } = messageKey;

    public static RequestRefusedException NotAllowed(Type requestType) =>
        new("Error.NotAllowed", requestType.Name);

    public static RequestRefusedException Undeclared(Type requestType) =>
        new("Error.NotAllowed", $"{requestType.Name} declares no roles");
}

/// <summary>A request named something that does not exist (or that the sender may not know exists).</summary>
public sealed class NotFoundException(string what) : Exception($"{what} not found");
