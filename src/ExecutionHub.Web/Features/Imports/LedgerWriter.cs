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
/// rows are written all or not at all.
/// </summary>
internal static class LedgerWriter
{
    public static async Task WriteAsync(
        AppDbContext db, ImportLedger command, UserContext me, Street street, List<LedgerRow> rows, Dictionary<string, ExecutionCase> cases, DateTime now, CancellationToken cancellationToken)
    {
        // A ledger is history: its matters were received long ago, nobody is told of them now.
        db.SavesHistory = true;
        foreach (var group in rows.Where(r => !cases.ContainsKey(r.CaseNumber)).GroupBy(r => r.CaseNumber))
        {
            var first = group.OrderBy(r => r.ReceivedAtUtc).First();
            var @case = new ExecutionCase
            {
                CaseNumber = group.Key,
                CourtId = street.CourtId,
                StreetId = street.Id,
                CommunityId = group.Select(r => r.CommunityId).FirstOrDefault(id => id is not null),
                JudgeId = command.JudgeId!,
                Cause = UiText.Get("Import.CaseCause"),
                Industry = UiText.Get("Case.IndustryUnknown"),
                FiledOn = DateOnly.FromDateTime(ChinaTime.ToLocal(first.ReceivedAtUtc)),
                CreatedAtUtc = now,
            };
            db.Cases.Add(@case);
            cases[group.Key] = @case;
        }

        var references = new Queue<string>(await MatterReferences.NextAsync(db, now, rows.Count, cancellationToken));
        var policies = new Dictionary<MatterType, (DeadlinePolicy, WorkingCalendar)>();
        var matters = new List<(Matter Matter, LedgerRow Row)>();
        foreach (var row in rows)
        {
            var @case = cases[row.CaseNumber];
            if (!policies.TryGetValue(row.Type, out var rules))
            {
                rules = await DeadlineRules.ForAsync(db, row.Type, cancellationToken);
                policies[row.Type] = rules;
            }

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

        await db.SaveChangesAsync(cancellationToken);
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

        await db.SaveChangesAsync(cancellationToken);
    }

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

        var party = new CaseParty
        {
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
