using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters.Feedback;
using ExecutionHub.Web.Infrastructure.Messaging;
using Mediator;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.ApiClientTests;

/// <summary>
/// The workstation's side of the exchange, which no API call makes: a coordinator feeds a matter back, and the outbox
/// sends what is due. Done through the app's own services, as its pages and jobs do.
/// </summary>
internal static class Workstation
{
    /// <summary>A dispatched demo matter of the demo court, its tasks settled, made one the client referred; its id.</summary>
    public static async Task<int> ClientMatterReadyForFeedbackAsync(IServiceProvider services, string clientName)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var client = await db.ApiClients.SingleAsync(c => c.Name == clientName);
        var matter = await db.Matters
            .Where(m => m.CourtId == client.CourtId && m.Status == MatterStatus.Dispatched && m.PausedAtUtc == null && m.Type == MatterType.DebtorWhereabouts && m.Tasks.Any())
            .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        await db.Tasks.Where(t => t.MatterId == matter).ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, VerificationTaskStatus.Waived));
        await db.Matters.Where(m => m.Id == matter).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.ApiClientId, client.Id)
            .SetProperty(m => m.ClientReference, $"FY-2026-{matter}"));
        return matter;
    }

    /// <summary>The matter's street coordinator feeds it back, as the matter page does.</summary>
    public static async Task FeedBackAsync(IServiceProvider services, int matterId, string feedback)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        await using var db = await provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var matter = await db.Matters.Where(m => m.Id == matterId).Select(m => new { m.Version, m.StreetId }).SingleAsync();
        var coordinator = await db.Users.Where(u => u.StreetId == matter.StreetId && u.UserName!.StartsWith("coord.")).OrderBy(u => u.UserName).FirstAsync();
        var principal = await provider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(coordinator);
        ((IHostEnvironmentAuthenticationStateProvider)provider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        await provider.GetRequiredService<ISender>().Send(new FeedBackMatter(matterId, matter.Version, feedback, MatterOutcome.Found));
    }

    /// <summary>One pass of the outbox job, which otherwise runs each minute.</summary>
    public static async Task DeliverOutboxAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeliverOutboxJob>().RunAsync(CancellationToken.None);
    }
}
