using System.Globalization;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Matters.Registration;

/// <summary>
/// The human references of matters, ZX-{year in Shanghai}-{five-digit serial of the year}, for every
/// way a matter comes in: registration, a window visit, a ledger import, demo data. The unique index
/// on the reference stops a duplicate from a race.
/// </summary>
public static class MatterReferences
{
    /// <summary>The next reference of the year.</summary>
    public static async Task<string> NextAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken) =>
        (await NextAsync(db, now, 1, cancellationToken))[0];

    /// <summary>The next <paramref name="count"/> references of the year, in order, from one read (a ledger import numbers all its rows at once).</summary>
    public static async Task<IReadOnlyList<string>> NextAsync(AppDbContext db, DateTime now, int count, CancellationToken cancellationToken)
    {
        var prefix = $"ZX-{ChinaTime.ToLocal(now).Year.ToString(CultureInfo.InvariantCulture)}-";
        // Only references numbered after the prefix ("ZX-2026-00081"); another scheme sharing the prefix (bulk or
        // migrated data, "ZX-2026-B0999999") sorts above the digits and must not be parsed as the last number.
        var last = await db.Matters
            .Where(m => m.Reference.StartsWith(prefix) && string.Compare(m.Reference, prefix + "0") >= 0 && string.Compare(m.Reference, prefix + ":") < 0)
            .OrderByDescending(m => m.Reference).Select(m => m.Reference).FirstOrDefaultAsync(cancellationToken);
        var next = last is null ? 1 : int.Parse(last[prefix.Length..], CultureInfo.InvariantCulture) + 1;
        return Enumerable.Range(next, count).Select(serial => prefix + serial.ToString("00000", CultureInfo.InvariantCulture)).ToList();
    }
}
