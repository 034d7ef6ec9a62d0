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
/// judge the import names), the respondents they name, one matter per row with its deadline and its
/// course as the ledger tells it, and one timeline line each naming the file and the row.
/// <see cref="PrepareAsync"/> builds all of it through the domain's own methods before anything is written;
/// <see cref="WriteAsync"/> then inserts it table by table with <see cref="BulkInsert{T}"/> in the caller's
/// transaction — all or nothing — so the write lock is held for the inserts alone (issue 16.14: one
/// EF INSERT per row held it 12–16 s for 5,000 rows).
/// </summary>
internal static class LedgerWriter
{
    /// <summary>What an import writes, built and checked, nothing saved yet.</summary>
    public sealed record Ledger(
        IReadOnlyList<ExecutionCase> NewCases,
        IReadOnlyList<CaseParty> NewParties,
        IReadOnlyList<Matter> Matters,
        IReadOnlyList<string> TimelineDetails);

    /// <summary>
    /// Numbers the rows, applies each type's deadline policy and the ledger's history to each matter (a
    /// broken domain rule throws here, before anything is written), and names each row's case and target:
    /// the system's own when it has them, new ones otherwise.
    /// </summary>
    public static async Task<Ledger> PrepareAsync(
        AppDbContext db, ImportLedger command, UserContext me, Street street, List<LedgerRow> rows, Dictionary<string, ExecutionCase> cases, DateTime now, CancellationToken cancellationToken)
    {
        var firstRows = rows.Where(r => !cases.ContainsKey(r.CaseNumber)).GroupBy(r => r.CaseNumber)
            .ToDictionary(g => g.Key, g => (
                First: g.OrderBy(r => r.ReceivedAtUtc).First(),
                CommunityId: g.Select(r => r.CommunityId).FirstOrDefault(id => id is not null),
                JudgeId: g.OrderBy(r => r.ReceivedAtUtc).Select(r => r.JudgeId).FirstOrDefault(id => id is not null) ?? command.JudgeId!));
        var references = new Queue<string>(await MatterReferences.NextAsync(db, now, rows.Count, cancellationToken));
        var policies = new Dictionary<MatterType, (DeadlinePolicy, WorkingCalendar)>();
        foreach (var type in rows.Select(r => r.Type).Distinct())
        {
            policies[type] = await DeadlineRules.ForAsync(db, type, cancellationToken);
        }

        var newCases = new List<ExecutionCase>();
        var newParties = new List<CaseParty>();
        var matters = new List<Matter>(rows.Count);
        var details = new List<string>(rows.Count);
        foreach (var row in rows)
        {
            if (!cases.TryGetValue(row.CaseNumber, out var @case))
            {
                var (first, communityId, judgeId) = firstRows[row.CaseNumber];
                @case = NewCase(street, row.CaseNumber, first, communityId, judgeId, now);
                CaseActivity.StartQuiet(@case);
                newCases.Add(@case);
                cases[row.CaseNumber] = @case;
            }

            var rules = policies[row.Type];
            var request = Truncate(row.FedBackAtUtc is null && row.Notes.Length > 0
                ? $"{Format("Import.Request", command.FileName, row.Line.Row)}\n{row.Notes}"
                : Format("Import.Request", command.FileName, row.Line.Row), 2000);
            var matter = Matter.Receive(
                @case, TargetOf(@case, row, newParties), row.Type, row.Source, references.Dequeue(), row.ReceivedAtUtc, me.Id, request, new MatterDetails { ClueKind = row.ClueKind });
            matter.ImportKey = row.Key;
            matter.ApplyDeadlinePolicy(rules.Item1, rules.Item2);
            var feedback = row.FedBackAtUtc is null ? null : row.Notes.Length > 0 ? row.Notes : UiText.Get("Import.FeedbackDefault");
            matter.RecordImportedHistory(row.DispatchedAtUtc, row.FedBackAtUtc, row.ClosedAtUtc, feedback, row.Outcome, now);
            matters.Add(matter);
            details.Add(Format(
                "Import.TimelineDetail",
                command.FileName,
                row.Line.Row,
                ChinaTime.Format(row.ReceivedAtUtc),
                Shown(row.DispatchedAtUtc),
                Shown(row.FedBackAtUtc),
                Shown(row.ClosedAtUtc)));
        }

        return new Ledger(newCases, newParties, matters, details);
    }

    /// <summary>
    /// Inserts what <see cref="PrepareAsync"/> built, in the caller's transaction: the new cases, their new
    /// respondents, the matters, then the timeline (after the cases' latest activity is raised to it, as a
    /// save raises it). Each table's new keys are set on its rows before the next table names them. A
    /// ledger is history: its matters were received long ago, so the events they recorded are not turned
    /// into notifications (nothing here saves through the context, which is what would take them).
    /// </summary>
    public static async Task WriteAsync(AppDbContext db, Ledger ledger, UserContext me, DateTime now, CancellationToken cancellationToken)
    {
        await using (var cases = new BulkInsert<ExecutionCase>(db, [nameof(ExecutionCase.CaseNumber)]))
        {
            await cases.InsertAsync(ledger.NewCases, cancellationToken);
        }

        foreach (var @case in ledger.NewCases)
        {
            foreach (var party in @case.Parties)
            {
                party.CaseId = @case.Id;
            }
        }

        await using (var parties = new BulkInsert<CaseParty>(db, [nameof(CaseParty.CaseId), nameof(CaseParty.Role), nameof(CaseParty.Name), nameof(CaseParty.IdentityNumber)]))
        {
            await parties.InsertAsync(ledger.NewParties, cancellationToken);
        }

        foreach (var matter in ledger.Matters)
        {
            // What a save's fix-up would do: a case or party new to this import is named by reference until written.
            matter.CaseId = matter.Case?.Id ?? matter.CaseId;
            matter.TargetPartyId = matter.TargetParty?.Id ?? matter.TargetPartyId;
        }

        await using (var matters = new BulkInsert<Matter>(db, [nameof(Matter.Reference)]))
        {
            await matters.InsertAsync(ledger.Matters, cancellationToken);
        }

        // What a save would have added for them: the dashboard counts the ledger's matters too.
        await MatterTallies.InsertAsync(db, ledger.Matters, cancellationToken);

        await CaseActivity.RaiseAllAsync(db, ledger.Matters.Select(m => m.CaseId), now, cancellationToken);
        await using var timeline = new BulkInsert<TimelineEntry>(db, []);
        await timeline.InsertAsync([.. ledger.Matters.Select((m, i) => MatterTimeline.Line(m, me, now, "Timeline.MatterImported", ledger.TimelineDetails[i]))], cancellationToken);
    }

    /// <param name="judgeId">The first judge the case's rows name (<see cref="LedgerFile.Judge"/>), else the import's judge for new cases.</param>
    private static ExecutionCase NewCase(Street street, string caseNumber, LedgerRow first, int? communityId, string judgeId, DateTime now) => new()
    {
        CaseNumber = caseNumber,
        CourtId = street.CourtId,
        StreetId = street.Id,
        CommunityId = communityId,
        JudgeId = judgeId,
        Cause = UiText.Get("Import.CaseCause"),
        Industry = UiText.Get("Case.IndustryUnknown"),
        FiledOn = DateOnly.FromDateTime(ChinaTime.ToLocal(first.ReceivedAtUtc)),
        CreatedAtUtc = now,
        AwaitsCompletion = true,
    };

    /// <summary>The case's respondent with the row's ID number (or, without one, its name); a new respondent otherwise, added to <paramref name="newParties"/>.</summary>
    private static CaseParty TargetOf(ExecutionCase @case, LedgerRow row, List<CaseParty> newParties)
    {
        var existing = @case.Parties.FirstOrDefault(p => p.Role == PartyRole.Respondent && (row.TargetIdNumber.Length > 0
            ? string.Equals(p.IdentityNumber, row.TargetIdNumber, StringComparison.OrdinalIgnoreCase)
            : string.Equals(p.Name, row.TargetName, StringComparison.Ordinal)));
        if (existing is not null)
        {
            return existing;
        }

        var party = new CaseParty
        {
            CaseId = @case.Id,
            Role = PartyRole.Respondent,
            Kind = IdentityNumbers.IsCreditCode(row.TargetIdNumber) && !IdentityNumbers.IsResidentId(row.TargetIdNumber) ? PartyKind.Organisation : PartyKind.Person,
            Name = row.TargetName,
            IdentityNumber = row.TargetIdNumber,
        };
        @case.Parties.Add(party);
        newParties.Add(party);
        return party;
    }

    private static string Shown(DateTime? utc) => utc is { } value ? ChinaTime.Format(value) : "—";

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
