using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Imports;

/// <summary>
/// The example row the import page shows under each column and the template carries: a matter in the coordinator's
/// own street and its first community, numbered with the street's court code.
/// </summary>
[Allowed(Roles.Coordinator)]
public sealed record GetLedgerExample : IQuery<IReadOnlyList<string>>;

public sealed class GetLedgerExampleHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetLedgerExample, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(GetLedgerExample query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LedgerExample.ForAsync(db, await currentUser.GetAsync(), ChinaTime.Today(clock), cancellationToken);
    }
}

public static class LedgerExample
{
    /// <summary>The example row for <paramref name="me"/>'s street, cells in <see cref="LedgerFile.Columns"/>' order.</summary>
    public static async Task<IReadOnlyList<string>> ForAsync(AppDbContext db, UserContext me, DateOnly today, CancellationToken cancellationToken)
    {
        var street = await db.Streets.AsNoTracking().Where(s => s.Id == me.StreetId)
            .Select(s => new { s.Name, CaseCode = db.Courts.Where(c => c.Id == s.CourtId).Select(c => c.CaseCode).Single() })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new RequestRefusedException("Error.NotAllowed", "a coordinator without a street");
        var community = await db.Communities.AsNoTracking().Where(c => c.StreetId == me.StreetId).OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        return Row(street.Name, community, street.CaseCode, today);
    }

    /// <summary>A whereabouts matter received a week ago, dispatched, fed back the next day and found, with a valid example ID number.</summary>
    public static IReadOnlyList<string> Row(string street, string community, string caseCode, DateOnly today)
    {
        var received = today.AddDays(-7);
        const string first17 = "31011019850202345";
        string At(DateOnly day, string time) => $"{day:yyyy-MM-dd}T{time}+08:00";
        return
        [
            $"({today.Year}){caseCode}执1号", "whereabouts", "court", street, community, "张三", first17 + IdentityNumbers.ResidentIdCheckChar(first17),
            At(received, "09:30:00"), At(received, "10:15:00"), At(received.AddDays(1), "16:00:00"), "", "found", "已核实现居住地址及作息规律",
        ];
    }
}
