using System.Data.Common;
using System.Diagnostics;
using System.Text.Json.Serialization;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Notifications;
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
/// <see cref="JudgeId"/> is the judge given to cases the ledger names that are not in the system yet: a judge of the
/// street's court by id, staff number or user name. An API client (scope imports:write) names the street in
/// <see cref="Street"/>, by code or id: one of its court's.
/// </summary>
[Allowed(Roles.Coordinator)]
[ApiScope(ApiScopes.ImportsWrite)]
public sealed record ImportLedger(
    byte[] Content,
    LedgerFormat Format,
    string FileName,
    bool DryRun,
    [property: FieldLabel("Import.Judge")] string? JudgeId = null,
    [property: FieldLabel("Field.StreetId")] string? Street = null) : ICommand<LedgerImportReport>;

/// <summary>
/// A bad cell (or row, or the file: <see cref="LedgerFile.Header"/>): its row number in the file, the column's name and why, in
/// the sender's language; the cell's <see cref="Value"/> when it was not empty, and the values the column takes here
/// (<see cref="Allowed"/>) where there is such a list. <see cref="Key"/> is the rule that refused it (the API's code comes from it).
/// </summary>
public sealed record LedgerRowError(int Row, string Column, string Reason)
{
    [JsonIgnore]
    public string Key { get; init; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Value { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Allowed { get; init; }

    /// <summary>The error with the text of <paramref name="key"/> as its reason.</summary>
    public static LedgerRowError Of(int row, string column, string key, params object[] args) => new(row, column, UiText.Format(key, args)) { Key = key };
}

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

    /// <summary>
    /// What happened, in a word a client can switch on: <c>imported</c>; <c>nothing_new</c> (every row was imported
    /// before — a success, not a failure); <c>checked</c> (a dry run that would import); <c>rejected</c> (a bad row, nothing saved).
    /// </summary>
    public string Status => HasErrors ? "rejected" : MattersCreated == 0 ? "nothing_new" : Saved ? "imported" : "checked";
}

public sealed class ImportLedgerValidator : AbstractValidator<ImportLedger>
{
    public ImportLedgerValidator()
    {
        RuleFor(x => x.Content).NotEmpty().WithMessage(_ => UiText.Get("Import.Error.EmptyFile"))
            .Must(c => c.Length <= LedgerFile.MaxBytes).WithMessage(_ => UiText.Format("Import.Error.TooLarge", LedgerFile.MaxBytes / (1024 * 1024)));
        RuleFor(x => x.Format).IsInEnum();
        RuleFor(x => x.FileName).NotEmpty().MaximumLength(200);
        RuleFor(x => x.JudgeId).MaximumLength(450);
        RuleFor(x => x.Street).MaximumLength(OrgCodes.MaxLength);
    }
}

/// <summary>
/// Reads the file (<see cref="LedgerFile"/>), checks each row (<see cref="LedgerRowRules"/>) and what only the
/// database knows (the case's street, rows imported before), reports, and writes the rows
/// (<see cref="LedgerWriter"/>) when nothing is wrong and this is no dry run. The open pages are told once the
/// rows are committed (the writer's inserts bypass the save that would tell them).
/// </summary>
public sealed class ImportLedgerHandler(
    IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, IMatterChangeFeed feed, ILogger<ImportLedgerHandler> logger)
    : ICommandHandler<ImportLedger, LedgerImportReport>
{
    public async ValueTask<LedgerImportReport> Handle(ImportLedger command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (street, judgeId) = await StreetAndJudgeAsync(db, command, me, cancellationToken);
        command = command with { JudgeId = judgeId };
        var (dataLines, fileError) = LedgerFile.ReadRows(command.Content, command.Format);
        if (fileError is not null)
        {
            return new LedgerImportReport(command.DryRun, false, 0, 0, 0, 0, [fileError], []);
        }

        var streetCommunities = await db.Communities.AsNoTracking().Where(c => c.StreetId == street.Id).Select(c => new { c.Id, c.Name, c.Code })
            .ToListAsync(cancellationToken);
        var communities = new LedgerCommunities(
            streetCommunities.ToDictionary(c => c.Name, c => c.Id, StringComparer.Ordinal),
            streetCommunities.Where(c => c.Code is not null).ToDictionary(c => c.Code!, c => c.Id, StringComparer.Ordinal));
        var errors = new List<LedgerRowError>();
        var rows = new List<LedgerRow>();
        foreach (var line in dataLines)
        {
            if (LedgerRowRules.Parse(line, street, communities, now, errors) is { } row)
            {
                rows.Add(row);
            }
        }

        // From here to the commit the import holds the write lock (SQLite begins a transaction IMMEDIATE, waiting first for
        // any other writer): what the rows name, what was imported before and the next references stay as read until written.
        var locked = Stopwatch.GetTimestamp();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RowJudgesAsync(db, street.CourtId, rows, errors, cancellationToken);
        var cases = await CasesAsync(db, command, street, rows, errors, cancellationToken);
        await MarkDuplicatesAsync(db, rows, cancellationToken);
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

        var ledger = await LedgerWriter.PrepareAsync(db, command, me, street, fresh, cases, now, cancellationToken);
        var writing = Stopwatch.GetTimestamp();
        try
        {
            await LedgerWriter.WriteAsync(db, ledger, me, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            // The same rows imported at the same moment by someone else: the unique key refused ours whole.
            throw new DomainRuleException("Import.Error.Concurrent");
        }

        logger.LogInformation(
            "Ledger import wrote {Matters} matters and {Cases} new cases in {WriteMilliseconds} ms, holding the write lock {LockMilliseconds} ms",
            ledger.Matters.Count, ledger.NewCases.Count, Stopwatch.GetElapsedTime(writing).TotalMilliseconds, Stopwatch.GetElapsedTime(locked).TotalMilliseconds);
        feed.Publish(MatterChange.Of(
            ledger.Matters.Select(m => m.CourtId).ToHashSet(),
            ledger.Matters.Select(m => m.StreetId).ToHashSet(),
            ledger.Matters.Select(m => m.Id).ToHashSet(),
            ledger.Matters.Select(m => m.JudgeId).ToHashSet(StringComparer.Ordinal),
            new HashSet<int>(),
            new HashSet<int>()));
        return Report(saved: true);
    }

    /// <summary>
    /// A coordinator imports into their own street; an API client into the street it names (code or id), of its own court.
    /// A judge named for new cases (id, staff number or user name) must be an active judge of that court; the id found.
    /// </summary>
    private static async Task<(Street Street, string? JudgeId)> StreetAndJudgeAsync(AppDbContext db, ImportLedger command, UserContext me, CancellationToken cancellationToken)
    {
        var street = me.IsApiClient
            ? await ReferenceData.OrgReferences.StreetAsync(db, me.CourtId ?? 0, command.Street, cancellationToken)
                ?? throw new UnknownReferenceException("street", "Api.StreetUnknown", command.Street)
            : await db.Streets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == me.StreetId, cancellationToken)
                ?? throw new RequestRefusedException("Error.NotAllowed", "a street outside the sender's scope");
        if (command.JudgeId is not { } judgeKey)
        {
            return (street, null);
        }

        var judgeId = await ReferenceData.OrgReferences.JudgeIdAsync(db, street.CourtId, judgeKey, cancellationToken)
            ?? throw new UnknownReferenceException("judgeId", "Import.Error.JudgeNotInCourt", judgeKey);
        return (street, judgeId);
    }

    /// <summary>The cases the rows name that the system has, by number. Those must be the street's; the others are created, which needs a judge.</summary>
    private static async Task<Dictionary<string, ExecutionCase>> CasesAsync(
        AppDbContext db, ImportLedger command, Street street, List<LedgerRow> rows, List<LedgerRowError> errors, CancellationToken cancellationToken)
    {
        var numbers = rows.Select(r => r.CaseNumber).Distinct().ToList();
        var cases = await db.Cases.Include(c => c.Parties).Where(c => EF.Parameter(numbers).Contains(c.CaseNumber)).ToDictionaryAsync(c => c.CaseNumber, cancellationToken);
        foreach (var row in rows)
        {
            if (cases.TryGetValue(row.CaseNumber, out var existing))
            {
                if (existing.StreetId != street.Id)
                {
                    errors.Add(LedgerRowError.Of(row.Line.Row, LedgerFile.CaseNumber, "Import.Error.CaseOtherStreet") with { Value = row.CaseNumber });
                }
            }
            else if (command.JudgeId is null && row.JudgeKey.Length == 0)
            {
                errors.Add(LedgerRowError.Of(row.Line.Row, LedgerFile.CaseNumber, "Import.Error.NewCaseNeedsJudge") with { Value = row.CaseNumber });
            }
        }

        return cases;
    }

    /// <summary>
    /// The judges the rows name (<see cref="LedgerFile.Judge"/>), each an active judge of the court by staff number, user name
    /// or id; a row naming another is refused with the court's judges' codes as the values allowed.
    /// </summary>
    private static async Task RowJudgesAsync(AppDbContext db, int courtId, List<LedgerRow> rows, List<LedgerRowError> errors, CancellationToken cancellationToken)
    {
        var keys = rows.Select(r => r.JudgeKey).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return;
        }

        var found = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            found[key] = await ReferenceData.OrgReferences.JudgeIdAsync(db, courtId, key, cancellationToken);
        }

        IReadOnlyList<string>? allowed = null;
        foreach (var row in rows.Where(r => r.JudgeKey.Length > 0))
        {
            row.JudgeId = found[row.JudgeKey];
            if (row.JudgeId is null)
            {
                allowed ??= (await ReferenceData.OrgReferences.Judges(db, courtId).Select(u => new { u.StaffNumber, u.UserName }).ToListAsync(cancellationToken))
                    .Select(u => ReferenceData.OrgReferences.JudgeCode(u.StaffNumber, u.UserName)).Order(StringComparer.Ordinal).ToList();
                errors.Add(LedgerRowError.Of(row.Line.Row, LedgerFile.Judge, "Import.Error.UnknownJudge", row.JudgeKey) with { Value = row.JudgeKey, Allowed = allowed });
            }
        }
    }

    /// <summary>Duplicates: rows already imported by an earlier file, or repeated within this one.</summary>
    private static async Task MarkDuplicatesAsync(AppDbContext db, List<LedgerRow> rows, CancellationToken cancellationToken)
    {
        var keys = rows.Select(r => r.Key).Distinct().ToList();
        // One parameter holding the keys (a JSON array in SQLite, an array in PostgreSQL), not 5,000 bound one by one.
        var imported = (await db.Matters.Where(m => m.ImportKey != null && EF.Parameter(keys).Contains(m.ImportKey)).Select(m => m.ImportKey!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            row.Duplicate = imported.Contains(row.Key) || !seen.Add(row.Key);
        }
    }

    private static int ColumnOrder(string column) => column == LedgerFile.Header ? -1 : LedgerFile.IndexOf(column);
}
