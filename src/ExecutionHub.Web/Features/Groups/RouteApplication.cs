using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Groups;

/// <summary>
/// The coordinator routes a judicial relief or resume-execution application to the street's
/// hearing-and-relief group (which records its recommendation before the judge decides) or
/// straight to the judge. Also done at registration; re-routing is possible until the group has
/// recommended or the judge has decided.
/// </summary>
[Allowed(Roles.Coordinator)]
public sealed record RouteApplication(int MatterId, int Version, ApplicationRoute Route) : ICommand<int>, IMatterRequest;

public sealed class RouteApplicationValidator : AbstractValidator<RouteApplication>
{
    public RouteApplicationValidator() => RuleFor(x => x.Route).IsInEnum();
}

public sealed class RouteApplicationHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RouteApplication, int>
{
    public async ValueTask<int> Handle(RouteApplication command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matter = await MatterChanges.LoadAsync(db, command.MatterId, command.Version, cancellationToken);
        await Routing.RouteAsync(db, matter, command.Route, me, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return matter.Version;
    }
}

/// <summary>Routing shared by the command and by registration (the form and the window's one-step conversion).</summary>
internal static class Routing
{
    public static async Task RouteAsync(AppDbContext db, Matter matter, ApplicationRoute route, UserContext me, DateTime now, CancellationToken cancellationToken)
    {
        var group = route == ApplicationRoute.HearingGroup ? await GroupMembership.HearingGroupAsync(db, matter.StreetId, cancellationToken) : null;
        matter.RouteApplication(route, group?.Id);
        var to = group?.Name ?? await db.Users.Where(u => u.Id == matter.JudgeId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        db.AddTimeline(matter, me, now, route == ApplicationRoute.HearingGroup ? "Timeline.ApplicationRoutedToGroup" : "Timeline.ApplicationRoutedToJudge", to);
    }
}
