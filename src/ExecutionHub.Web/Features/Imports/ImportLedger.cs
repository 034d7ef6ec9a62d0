using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Deadlines;
using ExecutionHub.Web.Features.Matters;
using ExecutionHub.Web.Features.Matters.Registration;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Time;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Imports;

/// <summary>
/// Imports a workstation's historical ledger (CSV or XLSX, the columns of <see cref="LedgerFile.Columns"/>)
/// into the coordinator's own street. All or nothing: a file with any bad row changes nothing and the
/// report names each bad row, column and reason. Each row becomes a matter keyed by a hash of its case
/// number, type, target and receipt, unique in the database, so the same file imported twice adds
/// nothing the second time. With <see cref="DryRun"/> the file is checked and counted, nothing saved.
/// <see cref="JudgeId"/> is the judge given to cases the ledger names that are not in the system yet.
/// An API client (scope imports:write) names the street in <see cref="StreetId"/>: one of its court's.
/// </summary>
[Allowed(Roles.Coordinator)]
[ApiScope(ApiScopes.ImportsWrite)]
public sealed record ImportLedger(byte[] Content, LedgerFormat Format, string FileName, bool DryRun, string? JudgeId = null, int? StreetId = null) : ICommand<LedgerImportReport>;

/// <summary>A bad cell (or row, or the file: <see cref="LedgerFile.Header"/>): its row number in the file, the column's name and why, in the sender's language.</summary>
public sealed record LedgerRowError(int Row, string Column, string Reason);

/// <summary>A row as it will be imported; the target's name masked.</summary>
public sealed record LedgerPreviewRow(
    int Row,
    string CaseNumber,
    MatterType Type,
    AssetClueKind? ClueKind,
    string TargetName,
    DateTime ReceivedAtUtc,
    DateTime? FedBackAtUtc,
    MatterStatus Status,
    MatterOutcome? Outcome,
    bool Duplicate);

/// <summary>
/// What an import found and did. <see cref="MattersCreated"/> and <see cref="CasesCreated"/> are what a
/// preview would create; <see cref="Saved"/> says whether they were.
/// </summary>
public sealed record LedgerImportReport(
    bool DryRun,
    bool Saved,
    int RowsRead,
    int MattersCreated,
    int CasesCreated,
    int DuplicatesSkipped,
    IReadOnlyList<LedgerRowError> Errors,
    IReadOnlyList<LedgerPreviewRow> Preview)
{
    public const int PreviewRows = 20;

    public bool HasErrors => Errors.Count > 0;
}

public sealed class ImportLedgerValidator : AbstractValidator<ImportLedger>
{
    public ImportLedgerValidator()
    {
        RuleFor(x => x.Content).NotEmpty().WithMessage(_ => UiText.Get("Import.Error.EmptyFile"))
            .Must(c => c.Length <= LedgerFile.MaxBytes).WithMessage(_ => string.Format(CultureInfo.CurrentCulture, UiText.Get("Import.Error.TooLarge"), LedgerFile.MaxBytes / (1024 * 1024)));
        RuleFor(x => x.Format).IsInEnum();
        RuleFor(x => x.FileName).NotEmpty().MaximumLength(200);
        RuleFor(x => x.JudgeId).MaximumLength(450);
    }
}

public sealed class ImportLedgerHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ImportLedger, LedgerImportReport>
{
    private static readonly IReadOnlyDictionary<string, (MatterType Type, AssetClueKind? Kind)> Types = new Dictionary<string, (MatterType, AssetClueKind?)>(StringComparer.OrdinalIgnoreCase)
    {
        ["whereabouts"] = (MatterType.DebtorWhereabouts, null),
        ["asset_vehicle"] = (MatterType.AssetClueVerification, AssetClueKind.Vehicle),
        ["asset_income"] = (MatterType.AssetClueVerification, AssetClueKind.Income),
        ["asset_real_estate"] = (MatterType.AssetClueVerification, AssetClueKind.RealEstate),
        ["asset_business"] = (MatterType.AssetClueVerification, AssetClueKind.Business),
        ["asset_other"] = (MatterType.AssetClueVerification, AssetClueKind.Other),
        ["household"] = (MatterType.HouseholdSurvey, null),
        ["property_clue_transfer"] = (MatterType.PropertyClueTransfer, null),
        ["judicial_relief"] = (MatterType.JudicialRelief, null),
        ["resume_execution"] = (MatterType.ResumeExecution, null),
        ["entrusted_investigation"] = (MatterType.EntrustedInvestigation, null),
    };

    private static readonly IReadOnlyDictionary<string, MatterSource> Sources = new Dictionary<string, MatterSource>(StringComparer.OrdinalIgnoreCase)
    {
        ["court"] = MatterSource.CourtExOfficio,
        ["party"] = MatterSource.PartyApplication,
        ["other_court"] = MatterSource.OtherCourtEntrustment,
    };

    private static readonly IReadOnlyDictionary<string, MatterOutcome> Outcomes = new Dictionary<string, MatterOutcome>(StringComparer.OrdinalIgnoreCase)
    {
        ["found"] = MatterOutcome.Found,
        ["not_found"] = MatterOutcome.NotFound,
        ["confirmed"] = MatterOutcome.Confirmed,
        ["not_confirmed"] = MatterOutcome.NotConfirmed,
        ["partly_confirmed"] = MatterOutcome.PartlyConfirmed,
    };

    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
    ];

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK",
    ];

    public async ValueTask<LedgerImportReport> Handle(ImportLedger command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A coordinator imports into their own street; an API client into the street it names, of its own court.
        var streetId = me.IsApiClient ? command.StreetId : me.StreetId;
        var street = await db.Streets.AsNoTracking()
                .SingleOrDefaultAsync(s => s.Id == streetId && (!me.IsApiClient || s.CourtId == me.CourtId), cancellationToken)
            ?? throw new RequestRefusedException("Error.NotAllowed", "a street outside the sender's scope");
        if (command.JudgeId is { } judgeId && !await db.Users.AnyAsync(u => u.Id == judgeId && u.CourtId == street.CourtId && !u.IsDisabled, cancellationToken))
        {
            throw new DomainRuleException("Import.Error.JudgeNotInCourt");
        }

        List<LedgerLine> lines;
        try
        {
            lines = LedgerFile.Read(command.Content, command.Format);
        }
        catch (InvalidDataException)
        {
            return FileError(command, 1, "Import.Error.Unreadable");
        }

        if (lines.Count == 0 || !LedgerFile.HasExpectedHeader(lines[0]))
        {
            return FileError(command, lines.Count == 0 ? 1 : lines[0].Row, "Import.Error.Header", string.Join(", ", LedgerFile.Columns));
        }

        var dataLines = lines.Skip(1).ToList();
        if (dataLines.Count == 0)
        {
            return FileError(command, lines[0].Row, "Import.Error.NoRows");
        }

        if (dataLines.Count > LedgerFile.MaxRows)
        {
            return FileError(command, dataLines[LedgerFile.MaxRows].Row, "Import.Error.TooManyRows", LedgerFile.MaxRows);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var communities = await db.Communities.AsNoTracking().Where(c => c.StreetId == street.Id).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var errors = new List<LedgerRowError>();
        var rows = new List<Row>();
        var communityIds = communities.ToDictionary(c => c.Name, c => c.Id, StringComparer.Ordinal);
        foreach (var line in dataLines)
        {
            if (Parse(line, street, communityIds, now, errors) is { } row)
            {
                rows.Add(row);
            }
        }

        // Cases: those already in the system must be the street's; the others are created, which needs a judge.
        var numbers = rows.Select(r => r.CaseNumber).Distinct().ToList();
        var cases = await db.Cases.Include(c => c.Parties).Where(c => numbers.Contains(c.CaseNumber)).ToDictionaryAsync(c => c.CaseNumber, cancellationToken);
        foreach (var row in rows)
        {
            if (cases.TryGetValue(row.CaseNumber, out var existing))
            {
                if (existing.StreetId != street.Id)
                {
                    errors.Add(Error(row.Line.Row, LedgerFile.CaseNumber, "Import.Error.CaseOtherStreet"));
                }
            }
            else if (command.JudgeId is null)
            {
                errors.Add(Error(row.Line.Row, LedgerFile.CaseNumber, "Import.Error.NewCaseNeedsJudge"));
            }
        }

        // Duplicates: rows already imported by an earlier file, or repeated within this one.
        var keys = rows.Select(r => r.Key).Distinct().ToList();
        var imported = (await db.Matters.Where(m => m.ImportKey != null && keys.Contains(m.ImportKey)).Select(m => m.ImportKey!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            row.Duplicate = imported.Contains(row.Key) || !seen.Add(row.Key);
        }

        var fresh = rows.Where(r => !r.Duplicate).ToList();
        var newCases = fresh.Select(r => r.CaseNumber).Where(n => !cases.ContainsKey(n)).Distinct().Count();
        errors.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : ColumnOrder(a.Column).CompareTo(ColumnOrder(b.Column)));
        var preview = rows.Take(LedgerImportReport.PreviewRows).Select(r => new LedgerPreviewRow(
            r.Line.Row, r.CaseNumber, r.Type, r.ClueKind, PersonalData.MaskName(r.TargetName), r.ReceivedAtUtc, r.FedBackAtUtc, r.Status, r.Outcome, r.Duplicate)).ToList();
        LedgerImportReport Report(bool saved) => new(command.DryRun, saved, dataLines.Count, fresh.Count, newCases, rows.Count - fresh.Count, errors, preview);

        if (errors.Count > 0 || command.DryRun || fresh.Count == 0)
        {
            return Report(saved: false);
        }

        try
        {
            await WriteAsync(db, command, me, street, fresh, cases, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same rows imported at the same moment by someone else: the unique key refused ours whole.
            throw new DomainRuleException("Import.Error.Concurrent");
        }

        return Report(saved: true);
    }

    private static async Task WriteAsync(
        AppDbContext db, ImportLedger command, UserContext me, Street street, List<Row> rows, Dictionary<string, ExecutionCase> cases, DateTime now, CancellationToken cancellationToken)
    {
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
        var matters = new List<(Matter Matter, Row Row)>();
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
    private static CaseParty TargetOf(ExecutionCase @case, Row row)
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

    /// <summary>Reads one row's cells; adds an error for each bad cell and returns null when there is any.</summary>
    private static Row? Parse(LedgerLine line, Street street, Dictionary<string, int> communities, DateTime now, List<LedgerRowError> errors)
    {
        var before = errors.Count;
        string Cell(string column)
        {
            var index = IndexOf(column);
            return index < line.Cells.Count ? line.Cells[index].Trim() : "";
        }

        void Fail(string column, string key, params object[] args) => errors.Add(Error(line.Row, column, key, args));

        var caseText = Cell(LedgerFile.CaseNumber);
        Domain.CaseNumber? caseNumber = null;
        if (caseText.Length == 0)
        {
            Fail(LedgerFile.CaseNumber, "Import.Error.Required");
        }
        else if (!Domain.CaseNumber.TryParse(caseText, out caseNumber))
        {
            Fail(LedgerFile.CaseNumber, "Validation.CaseNumber");
        }

        (MatterType Type, AssetClueKind? Kind) type = default;
        var typeText = Cell(LedgerFile.MatterType);
        if (!Types.TryGetValue(typeText, out type))
        {
            Fail(LedgerFile.MatterType, typeText.Length == 0 ? "Import.Error.Required" : "Import.Error.UnknownValue", string.Join(", ", Types.Keys));
        }

        var sourceText = Cell(LedgerFile.Source);
        if (!Sources.TryGetValue(sourceText, out var source))
        {
            Fail(LedgerFile.Source, sourceText.Length == 0 ? "Import.Error.Required" : "Import.Error.UnknownValue", string.Join(", ", Sources.Keys));
        }
        else if (type.Type == MatterType.EntrustedInvestigation && source != MatterSource.OtherCourtEntrustment)
        {
            Fail(LedgerFile.Source, "Validation.EntrustedNeedsEntrustment");
        }

        if (!string.Equals(Cell(LedgerFile.Street), street.Name, StringComparison.Ordinal))
        {
            Fail(LedgerFile.Street, "Import.Error.StreetNotYours", street.Name);
        }

        int? communityId = null;
        var communityText = Cell(LedgerFile.Community);
        if (communityText.Length > 0)
        {
            if (communities.TryGetValue(communityText, out var id))
            {
                communityId = id;
            }
            else
            {
                Fail(LedgerFile.Community, "Import.Error.UnknownCommunity", street.Name);
            }
        }

        var targetName = Cell(LedgerFile.TargetName);
        if (targetName.Length == 0)
        {
            Fail(LedgerFile.TargetName, "Import.Error.Required");
        }
        else if (targetName.Length > 100)
        {
            Fail(LedgerFile.TargetName, "Import.Error.TooLong", 100);
        }

        var idNumber = Cell(LedgerFile.TargetIdNumber).ToUpperInvariant();
        if (idNumber.Length > 0 && !IdentityNumbers.IsResidentId(idNumber) && !IdentityNumbers.IsCreditCode(idNumber))
        {
            Fail(LedgerFile.TargetIdNumber, "Import.Error.IdNumber");
        }

        DateTime? Time(string column)
        {
            var text = Cell(column);
            if (text.Length == 0)
            {
                return null;
            }

            if (!TryParseTime(text, out var utc))
            {
                Fail(column, "Import.Error.BadTime");
                return null;
            }

            if (utc > now)
            {
                Fail(column, "Import.Error.FutureTime");
            }

            return utc;
        }

        var received = Time(LedgerFile.ReceivedAt);
        if (received is null && Cell(LedgerFile.ReceivedAt).Length == 0)
        {
            Fail(LedgerFile.ReceivedAt, "Import.Error.Required");
        }

        // Each step after the one before it, and never without it.
        var dispatched = Time(LedgerFile.DispatchedAt);
        var fedBack = Time(LedgerFile.FedBackAt);
        var closed = Time(LedgerFile.ClosedAt);
        (string Column, string Label, DateTime? At, bool Given)[] steps =
        [
            (LedgerFile.ReceivedAt, "Import.Step.Received", received, Cell(LedgerFile.ReceivedAt).Length > 0),
            (LedgerFile.DispatchedAt, "Import.Step.Dispatched", dispatched, Cell(LedgerFile.DispatchedAt).Length > 0),
            (LedgerFile.FedBackAt, "Import.Step.FedBack", fedBack, Cell(LedgerFile.FedBackAt).Length > 0),
            (LedgerFile.ClosedAt, "Import.Step.ClosedAt", closed, Cell(LedgerFile.ClosedAt).Length > 0),
        ];
        for (var i = 1; i < steps.Length; i++)
        {
            var (column, _, at, given) = steps[i];
            var (_, previousLabel, previousAt, previousGiven) = steps[i - 1];
            if (given && !previousGiven)
            {
                Fail(column, "Import.Error.StepMissing", UiText.Get(previousLabel));
            }
            else if (at is { } time && previousAt is { } earlier && time < earlier)
            {
                Fail(column, "Import.Error.StepBefore", UiText.Get(previousLabel));
            }
        }

        var outcomeText = Cell(LedgerFile.Outcome);
        MatterOutcome? outcome = null;
        if (outcomeText.Length > 0)
        {
            if (Outcomes.TryGetValue(outcomeText, out var value))
            {
                outcome = value;
            }
            else
            {
                Fail(LedgerFile.Outcome, "Import.Error.UnknownValue", string.Join(", ", Outcomes.Keys));
            }
        }

        if (errors.Count == before)
        {
            if (fedBack is null && outcome is not null)
            {
                Fail(LedgerFile.Outcome, "Import.Error.OutcomeWithoutFeedback");
            }
            else if (fedBack is not null && !MatterOutcomes.IsValidFor(type.Type, outcome))
            {
                var allowed = MatterOutcomes.AllowedFor(type.Type);
                Fail(LedgerFile.Outcome, outcome is null ? "Import.Error.OutcomeRequired" : "Import.Error.OutcomeNotForType",
                    allowed.Count == 0 ? "—" : string.Join(", ", allowed.Select(a => Outcomes.First(o => o.Value == a).Key)));
            }
        }

        var notes = Cell(LedgerFile.Notes);
        if (notes.Length > 1800)
        {
            Fail(LedgerFile.Notes, "Import.Error.TooLong", 1800);
        }

        if (errors.Count > before)
        {
            return null;
        }

        var normalised = caseNumber!.ToString();
        var status = closed is not null ? MatterStatus.Closed : fedBack is not null ? MatterStatus.FedBack : dispatched is not null ? MatterStatus.Dispatched : MatterStatus.Registered;
        return new Row(line, normalised, type.Type, type.Kind, source, communityId, targetName, idNumber, received!.Value, dispatched, fedBack, closed, outcome, notes, status)
        {
            Key = KeyOf(normalised, typeText.ToLowerInvariant(), idNumber.Length > 0 ? idNumber : targetName, received.Value),
        };
    }

    /// <summary>ISO 8601: with an offset (or Z) as given; without one, as Asia/Shanghai wall-clock time.</summary>
    public static bool TryParseTime(string text, out DateTime utc)
    {
        if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
            && (text.EndsWith('Z') || text.EndsWith('z') || HasOffset(text)))
        {
            utc = withOffset.UtcDateTime;
            return true;
        }

        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            utc = DateTime.SpecifyKind(ChinaTime.ToUtc(local), DateTimeKind.Utc);
            return true;
        }

        utc = default;
        return false;
    }

    private static bool HasOffset(string text) =>
        text.Length > 6 && (text[^6] is '+' or '-') && text[^3] == ':';

    /// <summary>What identifies a ledger row however the file is re-saved: the case, the type, the target, the moment of receipt.</summary>
    public static string KeyOf(string caseNumber, string typeCode, string target, DateTime receivedAtUtc)
    {
        var text = string.Join('|', caseNumber, typeCode, target, receivedAtUtc.ToString("O", CultureInfo.InvariantCulture));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
    }

    private static LedgerImportReport FileError(ImportLedger command, int row, string key, params object[] args) =>
        new(command.DryRun, false, 0, 0, 0, 0, [Error(row, LedgerFile.Header, key, args)], []);

    private static LedgerRowError Error(int row, string column, string key, params object[] args) => new(row, column, Format(key, args));

    private static string Format(string key, params object[] args) =>
        args.Length == 0 ? UiText.Get(key) : string.Format(CultureInfo.CurrentCulture, UiText.Get(key), args);

    private static string Shown(DateTime? utc) => utc is { } value ? ChinaTime.Format(value) : "—";

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    // Built once: a cell is looked up by column name a dozen times per row, for up to 5,000 rows.
    private static readonly Dictionary<string, int> ColumnIndexes =
        LedgerFile.Columns.Select((column, index) => (column, index)).ToDictionary(c => c.column, c => c.index, StringComparer.Ordinal);

    private static int IndexOf(string column) => ColumnIndexes.GetValueOrDefault(column, -1);

    private static int ColumnOrder(string column) => column == LedgerFile.Header ? -1 : IndexOf(column);

    private sealed record Row(
        LedgerLine Line,
        string CaseNumber,
        MatterType Type,
        AssetClueKind? ClueKind,
        MatterSource Source,
        int? CommunityId,
        string TargetName,
        string TargetIdNumber,
        DateTime ReceivedAtUtc,
        DateTime? DispatchedAtUtc,
        DateTime? FedBackAtUtc,
        DateTime? ClosedAtUtc,
        MatterOutcome? Outcome,
        string Notes,
        MatterStatus Status)
    {
        public required string Key { get; init; }

        public bool Duplicate { get; set; }
    }
}
