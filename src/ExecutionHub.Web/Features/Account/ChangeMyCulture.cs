using ExecutionHub.Web.Data;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Account;

/// <summary>Saves the signed-in user's UI language, so it follows them to every browser.</summary>
[AllowAnySignedInUser]
public sealed record ChangeMyCulture(string Culture) : ICommand;

public sealed class ChangeMyCultureValidator : AbstractValidator<ChangeMyCulture>
{
    public ChangeMyCultureValidator() => RuleFor(x => x.Culture).Must(c => Cultures.Supported.Contains(c));
}

public sealed class ChangeMyCultureHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
    : ICommandHandler<ChangeMyCulture>
{
    public async ValueTask<Unit> Handle(ChangeMyCulture command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == me.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Culture, command.Culture), cancellationToken);
        return Unit.Value;
    }
}
