using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;

namespace ExecutionHub.Web.Features.Imports;

/// <summary>
/// The rules of one ledger row: each cell read into its typed value and checked, on its own and
/// against the others (each step after the one before it, an outcome the type allows), every failure
/// an error naming the row, the column and why, in the sender's language. The rules that need the
/// database (the case's street, rows imported before) are the handler's.
/// </summary>
internal sealed class LedgerRowRules
{
    private readonly LedgerLine line;
    private readonly List<LedgerRowError> errors;

    private LedgerRowRules(LedgerLine line, List<LedgerRowError> errors)
    {
        this.line = line;
        this.errors = errors;
    }

    /// <summary>
    /// Reads one row into <paramref name="street"/> (whose communities by name and code are <paramref name="communities"/>),
    /// with no time after <paramref name="now"/>; adds an error for each bad cell and returns null when there is any.
    /// </summary>
    public static LedgerRow? Parse(LedgerLine line, Street street, LedgerCommunities communities, DateTime now, List<LedgerRowError> errors)
    {
        var before = errors.Count;
        var rules = new LedgerRowRules(line, errors);
        var caseNumber = rules.CaseNumber();
        var (typeCode, type) = rules.Type();
        var source = rules.Source(type.Type);
        rules.Street(street);
        var communityId = rules.Community(street, communities);
        var targetName = rules.TargetName();
        var idNumber = rules.TargetIdNumber();
        var (received, dispatched, fedBack, closed) = rules.Steps(now);
        var outcome = rules.Outcome();
        if (errors.Count == before)
        {
            rules.OutcomeFits(type.Type, fedBack, outcome);
        }

        var notes = rules.Notes();
        var judgeKey = rules.JudgeKey();
        if (errors.Count > before)
        {
            return null;
        }

        var normalised = caseNumber!.ToString();
        var status = closed is not null ? MatterStatus.Closed : fedBack is not null ? MatterStatus.FedBack : dispatched is not null ? MatterStatus.Dispatched : MatterStatus.Registered;
        return new LedgerRow(line, normalised, type.Type, type.Kind, source, communityId, targetName, idNumber, received!.Value, dispatched, fedBack, closed, outcome, notes, status)
        {
            JudgeKey = judgeKey,
            Key = LedgerRow.KeyOf(normalised, typeCode.ToLowerInvariant(), idNumber.Length > 0 ? idNumber : targetName, received.Value),
        };
    }

    private Domain.CaseNumber? CaseNumber()
    {
        var text = Cell(LedgerFile.CaseNumber);
        Domain.CaseNumber? caseNumber = null;
        if (text.Length == 0)
        {
            Fail(LedgerFile.CaseNumber, "Import.Error.Required");
        }
        else if (!Domain.CaseNumber.TryParse(text, out caseNumber))
        {
            Fail(LedgerFile.CaseNumber, "Validation.CaseNumber");
        }

        return caseNumber;
    }

    /// <summary>The type as written (it is part of the row's key) and what it maps to; the <c>asset_*</c> codes carry the clue kind.</summary>
    private (string Code, (MatterType Type, AssetClueKind? Kind) Type) Type()
    {
        var text = Cell(LedgerFile.MatterType);
        if (!LedgerCodes.Types.TryGetValue(text, out var type))
        {
            Fail(LedgerFile.MatterType, LedgerCodes.Types.Keys.ToList(), text.Length == 0 ? "Import.Error.Required" : "Import.Error.UnknownValue", string.Join(", ", LedgerCodes.Types.Keys));
        }

        return (text, type);
    }

    private MatterSource Source(MatterType type)
    {
        var text = Cell(LedgerFile.Source);
        if (!LedgerCodes.Sources.TryGetValue(text, out var source))
        {
            Fail(LedgerFile.Source, LedgerCodes.Sources.Keys.ToList(), text.Length == 0 ? "Import.Error.Required" : "Import.Error.UnknownValue", string.Join(", ", LedgerCodes.Sources.Keys));
        }
        else if (type == MatterType.EntrustedInvestigation && source != MatterSource.OtherCourtEntrustment)
        {
            Fail(LedgerFile.Source, LedgerCodes.Sources.Where(s => s.Value == MatterSource.OtherCourtEntrustment).Select(s => s.Key).ToList(), "Validation.EntrustedNeedsEntrustment");
        }

        return source;
    }

    /// <summary>A coordinator imports into their own street only, and every row says so: by its name or its code.</summary>
    private void Street(Street street)
    {
        var text = Cell(LedgerFile.Street);
        if (!string.Equals(text, street.Name, StringComparison.Ordinal) && !(street.Code is not null && string.Equals(text, street.Code, StringComparison.Ordinal)))
        {
            Fail(LedgerFile.Street, street.Code is null ? new[] { street.Name } : new[] { street.Name, street.Code }, "Import.Error.StreetNotYours", street.Name);
        }
    }

    /// <summary>Empty, or one of the street's communities by name or code; an unknown one is refused with the street's list.</summary>
    private int? Community(Street street, LedgerCommunities communities)
    {
        var text = Cell(LedgerFile.Community);
        if (text.Length == 0)
        {
            return null;
        }

        if (communities.ByName.TryGetValue(text, out var id) || communities.ByCode.TryGetValue(text, out id))
        {
            return id;
        }

        // Name the value found and the ones the street has, so a whole ledger can be corrected in one pass.
        if (communities.ByName.Count == 0)
        {
            Fail(LedgerFile.Community, [], "Import.Error.UnknownCommunityNone", street.Name, text);
        }
        else
        {
            // Allowed: every name, then every code, each list in order.
            Fail(LedgerFile.Community, [.. communities.ByName.Keys.Order(StringComparer.Ordinal), .. communities.ByCode.Keys.Order(StringComparer.Ordinal)],
                "Import.Error.UnknownCommunity", street.Name, text,
                string.Join(UiText.Get("Common.ListSeparator"), communities.ByName.Keys.Order(StringComparer.Ordinal)));
        }

        return null;
    }

    private string TargetName()
    {
        var name = Cell(LedgerFile.TargetName);
        if (name.Length == 0)
        {
            Fail(LedgerFile.TargetName, "Import.Error.Required");
        }
        else if (name.Length > 100)
        {
            Fail(LedgerFile.TargetName, "Import.Error.TooLong", 100);
        }

        return name;
    }

    /// <summary>Empty, or a resident ID or credit code whose check digit is right.</summary>
    private string TargetIdNumber()
    {
        var idNumber = Cell(LedgerFile.TargetIdNumber).ToUpperInvariant();
        if (idNumber.Length > 0 && !IdentityNumbers.IsResidentId(idNumber) && !IdentityNumbers.IsCreditCode(idNumber))
        {
            Fail(LedgerFile.TargetIdNumber, "Import.Error.IdNumber");
        }

        return idNumber;
    }

    /// <summary>The four times of the matter's course; receipt required, each later step after the one before it and never without it.</summary>
    private (DateTime? Received, DateTime? Dispatched, DateTime? FedBack, DateTime? Closed) Steps(DateTime now)
    {
        var received = Time(LedgerFile.ReceivedAt, now);
        if (received is null && Cell(LedgerFile.ReceivedAt).Length == 0)
        {
            Fail(LedgerFile.ReceivedAt, "Import.Error.Required");
        }

        var dispatched = Time(LedgerFile.DispatchedAt, now);
        var fedBack = Time(LedgerFile.FedBackAt, now);
        var closed = Time(LedgerFile.ClosedAt, now);
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

        return (received, dispatched, fedBack, closed);
    }

    /// <summary>An empty cell is a step that has not happened (null, no error); a time must parse and not lie ahead of <paramref name="now"/>.</summary>
    private DateTime? Time(string column, DateTime now)
    {
        var text = Cell(column);
        if (text.Length == 0)
        {
            return null;
        }

        if (!LedgerCodes.TryParseTime(text, out var utc))
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

    private MatterOutcome? Outcome()
    {
        var text = Cell(LedgerFile.Outcome);
        if (text.Length == 0)
        {
            return null;
        }

        if (LedgerCodes.Outcomes.TryGetValue(text, out var outcome))
        {
            return outcome;
        }

        Fail(LedgerFile.Outcome, LedgerCodes.Outcomes.Keys.ToList(), "Import.Error.UnknownValue", string.Join(", ", LedgerCodes.Outcomes.Keys));
        return null;
    }

    /// <summary>An outcome only with a feedback, and the one the type requires (<see cref="MatterOutcomes"/>); checked only on an otherwise good row, whose type is known.</summary>
    private void OutcomeFits(MatterType type, DateTime? fedBack, MatterOutcome? outcome)
    {
        if (fedBack is null && outcome is not null)
        {
            Fail(LedgerFile.Outcome, "Import.Error.OutcomeWithoutFeedback");
        }
        else if (fedBack is not null && !MatterOutcomes.IsValidFor(type, outcome))
        {
            var allowed = MatterOutcomes.AllowedFor(type).Select(a => LedgerCodes.Outcomes.First(o => o.Value == a).Key).ToList();
            Fail(LedgerFile.Outcome, allowed, outcome is null ? "Import.Error.OutcomeRequired" : "Import.Error.OutcomeNotForType",
                allowed.Count == 0 ? "—" : string.Join(", ", allowed));
        }
    }

    private string Notes()
    {
        var notes = Cell(LedgerFile.Notes);
        if (notes.Length > 1800)
        {
            Fail(LedgerFile.Notes, "Import.Error.TooLong", 1800);
        }

        return notes;
    }

    private string JudgeKey()
    {
        var key = Cell(LedgerFile.Judge);
        if (key.Length > TextLimits.UserId)
        {
            Fail(LedgerFile.Judge, "Import.Error.TooLong", TextLimits.UserId);
        }

        return key;
    }

    private string Cell(string column)
    {
        var index = LedgerFile.IndexOf(column);
        return index < line.Cells.Count ? line.Cells[index].Trim() : "";
    }

    /// <summary>An error of <paramref name="column"/>, carrying the cell as read when it is not empty.</summary>
    private void Fail(string column, string key, params object[] args) => Fail(column, null, key, args);

    /// <summary>An error of <paramref name="column"/> whose column takes only the values <paramref name="allowed"/> here.</summary>
    private void Fail(string column, IReadOnlyList<string>? allowed, string key, params object[] args)
    {
        var value = Cell(column);
        errors.Add(LedgerRowError.Of(line.Row, column, key, args) with { Value = value.Length == 0 ? null : value, Allowed = allowed });
    }

}

/// <summary>A street's communities as a ledger may name them: by name, or by code (those that have one).</summary>
internal sealed record LedgerCommunities(IReadOnlyDictionary<string, int> ByName, IReadOnlyDictionary<string, int> ByCode);
