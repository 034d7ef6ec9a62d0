using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Api;
using ExecutionHub.Web.Infrastructure.Auditing;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Administration.ApiClients;

/// <summary>
/// An administrator registers another system as an API client of one court with the scopes it
/// needs. The key is returned here once and never again: only its hash is stored. The client gets
/// a disabled account of its own, so what it creates names it on timelines and in the audit.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed class RegisterApiClient : ICommand<IssuedApiKey>
{
    [FieldLabel("Admin.ApiClients.Name")]
    public string Name { get; set; } = "";
    public int? CourtId { get; set; }
    [FieldLabel("Admin.ApiClients.Scopes")]
    public HashSet<string> Scopes { get; set; } = [];
}

/// <summary>A key as issued: shown to the administrator once.</summary>
public sealed record IssuedApiKey(int ClientId, string Key, string Prefix);

public sealed class RegisterApiClientValidator : AbstractValidator<RegisterApiClient>
{
    public RegisterApiClientValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.CourtId).NotNull();
        RuleFor(x => x.Scopes).NotEmpty().WithMessage(_ => UiText.Get("Admin.ApiClients.ScopesRequired"));
        RuleForEach(x => x.Scopes).Must(s => ApiScopes.All.Contains(s));
    }
}

public sealed class RegisterApiClientHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RegisterApiClient, IssuedApiKey>
{
    public async ValueTask<IssuedApiKey> Handle(RegisterApiClient command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = command.Name.Trim();
        if (!await db.Courts.AnyAsync(c => c.Id == command.CourtId, cancellationToken))
        {
            throw new NotFoundException($"Court {command.CourtId}");
        }

        if (await db.ApiClients.AnyAsync(c => c.Name == name, cancellationToken))
        {
            throw new DomainRuleException("Admin.ApiClients.NameTaken");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var (client, key) = ApiClientAccounts.Add(db, name, command.CourtId!.Value, command.Scopes, now);
        await db.SaveChangesAsync(cancellationToken);
        db.AddAudit(me, clock, "ApiClient.Register", $"ApiClient:{client.Id}", $"{name} · {string.Join(' ', client.Scopes)} · {client.KeyPrefix}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new IssuedApiKey(client.Id, key.Key, key.Prefix);
    }
}
