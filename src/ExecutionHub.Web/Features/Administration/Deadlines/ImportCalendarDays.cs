using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auditing;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Administration.Deadlines;

/// <summary>
/// Imports a list of holidays and make-up working days (one <c>yyyy-MM-dd</c> per line, <c>班</c>
/// after the date for a make-up day, a name may follow). A date already in the calendar is
/// updated, not duplicated. With <see cref="ReplaceYear"/>, that year's entries missing from the
/// list are removed, so a corrected official list replaces the old one. All or nothing: one bad
/// line refuses the whole list.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed class ImportCalendarDays : ICommand<CalendarImportResult>
{
    public const int MaxLength = 20_000;

    public string Text { get; set; } = "";

    [FieldLabel("Field.Year")]
    public int? ReplaceYear { get; set; }
}

public sealed record CalendarImportResult(int Added, int Updated, int Unchanged, int Removed);

public sealed class ImportCalendarDaysValidator : AbstractValidator<ImportCalendarDays>
{
    public ImportCalendarDaysValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Text).Cascade(CascadeMode.Stop)
            .NotEmpty()
            .MaximumLength(ImportCalendarDays.MaxLength)
            .WithName(_ => localizer["Admin.Deadlines.Field.ImportText"])
            .Custom((text, context) =>
            {
                var problem = CalendarList.Check(text);
                if (problem is not null)
                {
                    var message = problem.Kind == CalendarListProblemKind.Empty
                        ? localizer[problem.MessageKey]
                        : localizer[problem.MessageKey, problem.LineNumber, problem.Line];
                    context.AddFailure(new ValidationFailure(nameof(ImportCalendarDays.Text), message) { ErrorCode = problem.MessageKey });
                }
            });
        RuleFor(x => x.ReplaceYear).InclusiveBetween(CalendarYears.First, CalendarYears.Last).When(x => x.ReplaceYear is not null);
    }
}

public sealed class ImportCalendarDaysHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ImportCalendarDays, CalendarImportResult>
{
    public async ValueTask<CalendarImportResult> Handle(ImportCalendarDays command, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        var days = WorkingCalendar.ParseList(command.Text);
        var dates = days.Select(d => d.Date).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.CalendarDays.Where(d => dates.Contains(d.Date)).ToDictionaryAsync(d => d.Date, cancellationToken);

        int added = 0, updated = 0, unchanged = 0, removed = 0;
        if (command.ReplaceYear is { } year)
        {
            var (from, to) = CalendarYears.Range(year);
            var others = await db.CalendarDays.Where(d => d.Date >= from && d.Date <= to && !dates.Contains(d.Date)).ToListAsync(cancellationToken);
            db.CalendarDays.RemoveRange(others);
            removed = others.Count;
        }

        foreach (var day in days)
        {
            if (!existing.TryGetValue(day.Date, out var stored))
            {
                db.CalendarDays.Add(day);
                added++;
            }
            else if (stored.Kind != day.Kind || stored.Name != day.Name)
            {
                stored.Kind = day.Kind;
                stored.Name = day.Name;
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        var result = new CalendarImportResult(added, updated, unchanged, removed);
        if (added + updated + removed > 0)
        {
            var span = $"{dates.Min():yyyy-MM-dd}..{dates.Max():yyyy-MM-dd}";
            db.AddAudit(me, clock, "Deadlines.CalendarImported", $"WorkingCalendar {span}",
                $"added {added}, updated {updated}, unchanged {unchanged}, removed {removed}" + (command.ReplaceYear is { } y ? $" (replaced {y})" : ""));
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }
}

public enum CalendarListProblemKind
{
    Empty = 1,
    BadLine = 2,
    DuplicateDate = 3,
    NameTooLong = 4,
}

/// <param name="LineNumber">1-based, as the administrator counts lines in the text box.</param>
public sealed record CalendarListProblem(CalendarListProblemKind Kind, int LineNumber, string Line)
{
    public string MessageKey => $"Admin.Deadlines.Import.{Kind}";
}

/// <summary>Checks an importable list line by line, so a refusal can name the line to correct.</summary>
public static class CalendarList
{
    public const int MaxNameLength = 50;

    /// <summary>The first problem in <paramref name="text"/>, or null when every line is usable.</summary>
    public static CalendarListProblem? Check(string text)
    {
        var seen = new HashSet<DateOnly>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            IReadOnlyList<CalendarDay> parsed;
            try
            {
                parsed = WorkingCalendar.ParseList(line);
            }
            catch (FormatException)
            {
                return new CalendarListProblem(CalendarListProblemKind.BadLine, i + 1, line);
            }

            foreach (var day in parsed)
            {
                if (day.Date.Year is < CalendarYears.First or > CalendarYears.Last)
                {
                    return new CalendarListProblem(CalendarListProblemKind.BadLine, i + 1, line);
                }

                if (!seen.Add(day.Date))
                {
                    return new CalendarListProblem(CalendarListProblemKind.DuplicateDate, i + 1, line);
                }

                if (day.Name.Length > MaxNameLength)
                {
                    return new CalendarListProblem(CalendarListProblemKind.NameTooLong, i + 1, line);
                }
            }
        }

        return seen.Count == 0 ? new CalendarListProblem(CalendarListProblemKind.Empty, 0, "") : null;
    }
}
