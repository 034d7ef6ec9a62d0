using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Api.Webhooks;
using ExecutionHub.Web.Infrastructure.Auditing;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.ApiClients;

/// <summary>
/// Registers, changes or (with an empty URL) removes a client's webhook URL. The first URL issues
/// the signing secret, returned here once; a later change keeps the secret. Events already queued
/// go to the new URL; after a removal they are not sent.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed class SetApiClientWebhook : ICommand<IssuedWebhookSecret?>
{
    public int ClientId { get; set; }
    [FieldLabel("Admin.ApiClients.WebhookUrl")]
    public string? Url { get; set; }
}

/// <summary>A signing secret as issued: shown to the administrator once.</summary>
public sealed record IssuedWebhookSecret(int ClientId, string Secret);

public sealed class SetApiClientWebhookValidator : AbstractValidator<SetApiClientWebhook>
{
    public const int MaxUrlLength = 500;

    public SetApiClientWebhookValidator()
    {
        RuleFor(x => x.Url).MaximumLength(MaxUrlLength)
            .Must(url => string.IsNullOrWhiteSpace(url) || IsWebhookUrl(url.Trim()))
            .WithMessage(_ => UiText.Get("Admin.ApiClients.WebhookUrlInvalid"));
    }

    /// <summary>An absolute http or https URL with a host, and no user name or password in it.</summary>
    public static bool IsWebhookUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host)
        && string.IsNullOrEmpty(uri.UserInfo);
}

public sealed class SetApiClientWebhookHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, WebhookSecretProtector secrets, TimeProvider clock)
    : ICommandHandler<SetApiClientWebhook, IssuedWebhookSecret?>
{
    public async ValueTask<IssuedWebhookSecret?> Handle(SetApiClientWebhook command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var client = await ActiveApiClient.LoadAsync(db, command.ClientId, cancellationToken);

        var url = string.IsNullOrWhiteSpace(command.Url) ? null : command.Url.Trim();
        var old = client.WebhookUrl;
        client.WebhookUrl = url;
        IssuedWebhookSecret? issued = null;
        if (url is not null && client.WebhookSecretProtected is null)
        {
            var secret = WebhookSigning.NewSecret();
            client.WebhookSecretProtected = secrets.Protect(secret);
            client.WebhookSecretIssuedAtUtc = clock.GetUtcNow().UtcDateTime;
            issued = new IssuedWebhookSecret(client.Id, secret);
        }

        db.AddAudit(me, clock, "ApiClient.SetWebhook", $"ApiClient:{client.Id}", $"{client.Name} · {old ?? "—"} → {url ?? "—"}");
        await db.SaveChangesAsync(cancellationToken);
        return issued;
    }
}
