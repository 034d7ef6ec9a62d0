using System.Globalization;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Deadlines;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Registration;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Time;
using static ExecutionHub.Web.Infrastructure.Localization.UiText;

namespace ExecutionHub.Web.Features.Imports;

/// <summary>
/// Writes the accepted rows of a ledger: the cases the system does not have yet (in the street, with the
/// judge the import names), one matter per row with its deadline and its course as the ledger tells it,
/// and one timeline line each naming the file and the row. The caller holds the transaction, so the
/// rows are written all or not at all. Rows go in batches of <see cref="BatchSize"/>, each saved and
/// then let go by the change tracker: a save costs what its batch holds, not what the import has
/// written so far, and changes are detected once per save rather than on every entity added.
/// </summary>
internal static class LedgerWriter
{
    public const int BatchSize = 500;

    public static async Task WriteAsync(
        AppDbContext db, ImportLedger command, UserContext me, Street street, List<LedgerRow> rows, Dictionary<string, ExecutionCase> cases, DateTime now, CancellationToken cancellationToken)
    {
        // A ledger is history: its matters were received long ago, nobody is told of them now.
        db.SavesHistory = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var firstRows = rows.Where(r => !cases.ContainsKey(r.CaseNumber)).GroupBy(r => r.CaseNumber)
            .ToDictionary(g => g.Key, g => (First: g.OrderBy(r => r.ReceivedAtUtc).First(), CommunityId: g.Select(r => r.CommunityId).FirstOrDefault(id => id is not null)));
        var references = new Queue<string>(await MatterReferences.NextAsync(db, now, rows.Count, cancellationToken));
        var policies = new Dictionary<MatterType, (DeadlinePolicy, WorkingCalendar)>();
        foreach (var type in rows.Select(r => r.Type).Distinct())
        {
            policies[type] = await DeadlineRules.ForAsync(db, type, cancellationToken);
        }

        foreach (var batch in rows.Chunk(BatchSize))
        {
            var matters = new List<(Matter Matter, LedgerRow Row)>(batch.Length);
            foreach (var row in batch)
            {
                if (!cases.TryGetValue(row.CaseNumber, out var @case))
                {
                    var (first, communityId) = firstRows[row.CaseNumber];
                    @case = NewCase(command, street, row.CaseNumber, first, communityId, now);
                    db.Cases.Add(@case);
                    cases[row.CaseNumber] = @case;
                }

                var rules = policies[row.Type];
                var request = Truncate(row.FedBackAtUtc is null && row.Notes.Length > 0
                    ? $"{Format("Import.Request", command.FileName, row.Line.Row)}\n{row.Notes}"
                    : Format("Import.Request", command.FileName, row.Line.Row), 2000);
                var matter = Matter.Receive(
                    @case, TargetOf(@case, row), row.Type, row.Source, references.Dequeue(), row.ReceivedAtUtc, me.Id, request, new MatterDetails { ClueKind = row.ClueKind });
                matter.ImportKey = row.Key;
                matter.ApplyDeadlinePolicy(rules.Item1, rules.Item2);
                var feedback = row.FedBackAtUtc is null ? null : row.Notes.Length > 0 ? row.Notes : UiText.Get("Import.FeedbackDefault");
                matter.RecordImportedHistory(row.DispatchedAtUtc, row.FedBackAtUtc, row.ClosedAtUtc, feedback, row.Outcome, now);
                db.Matters.Add(matter);
                matters.Add((matter, row));
            }

            await SaveAsync(db, cancellationToken);
            foreach (var (matter, row) in matters)
            {
                db.AddTimeline(matter, me, now, "Timeline.MatterImported", Format(
                    "Import.TimelineDetail",
                    command.FileName,
                    row.Line.Row,
                    ChinaTime.Format(row.ReceivedAtUtc),
                    Shown(row.DispatchedAtUtc),
                    Shown(row.FedBackAtUtc),
                    Shown(row.ClosedAtUtc)));
            }

            await SaveAsync(db, cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private static async Task SaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ExecutionCase NewCase(ImportLedger command, Street street, string caseNumber, LedgerRow first, int? communityId, DateTime now) => new()
    {
        CaseNumber = caseNumber,
        CourtId = street.CourtId,
        StreetId = street.Id,
        CommunityId = communityId,
        JudgeId = command.JudgeId!,
        Cause = UiText.Get("Import.CaseCause"),
        Industry = UiText.Get("Case.IndustryUnknown"),
        FiledOn = DateOnly.FromDateTime(ChinaTime.ToLocal(first.ReceivedAtUtc)),
        CreatedAtUtc = now,
    };

    /// <summary>The case's respondent with the row's ID number (or, without one, its name); a new respondent otherwise.</summary>
    private static CaseParty TargetOf(ExecutionCase @case, LedgerRow row)
    {
        var existing = @case.Parties.FirstOrDefault(p => p.Role == PartyRole.Respondent && (row.TargetIdNumber.Length > 0
            ? string.Equals(p.IdentityNumber, row.TargetIdNumber, StringComparison.OrdinalIgnoreCase)
            : string.Equals(p.Name, row.TargetName, StringComparison.Ordinal)));
        if (existing is not null)
        {
            return existing;
        }

        // A case saved by an earlier batch is no longer tracked: the new party names it by id.
        var party = new CaseParty
        {
            CaseId = @case.Id,
            Role = PartyRole.Respondent,
            Kind = IdentityNumbers.IsCreditCode(row.TargetIdNumber) && !IdentityNumbers.IsResidentId(row.TargetIdNumber) ? PartyKind.Organisation : PartyKind.Person,
            Name = row.TargetName,
            IdentityNumber = row.TargetIdNumber,
        };
        @case.Parties.Add(party);
        return party;
    }

    private static string Shown(DateTime? utc) => utc is { } value ? ChinaTime.Format(value) : "—";

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
