using System.Globalization;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using FluentValidation;

namespace ExecutionHub.Web.Features.Statistics;

public enum StatisticsPeriodKind
{
    ThisMonth = 1,
    ThisQuarter = 2,
    ThisHalfYear = 3,
    ThisYear = 4,
    Custom = 5,

    /// <summary>The last calendar quarter that has ended: closed, so its figures no longer move.</summary>
    LastQuarter = 6,

    /// <summary>The 90 days up to today.</summary>
    Last90Days = 7,
}

/// <summary>
/// The period the statistics cover, in Asia/Shanghai days: the calendar month, quarter, half-year or
/// year that holds today, up to today; the last quarter that has ended; the 90 days up to today; or
/// whole months chosen by the user. Custom periods are whole
/// months on purpose: two periods a day apart would let anyone subtract one day's cases out of the
/// "&lt;3" rule. The previous period for the trend is the same span, as many months earlier.
/// </summary>
public sealed record StatisticsPeriod([property: FieldLabel("Statistics.Period")] StatisticsPeriodKind Kind = StatisticsPeriodKind.ThisMonth, [property: FieldLabel("Statistics.FromMonth")] DateOnly? FromMonth = null, [property: FieldLabel("Statistics.ToMonth")] DateOnly? ToMonth = null)
{
    public const int MaxMonths = 36;

    public const int RecentDays = 90;

    /// <summary>The order the period list offers them: the page's defaults first.</summary>
    public static readonly IReadOnlyList<StatisticsPeriodKind> Kinds =
    [
        StatisticsPeriodKind.LastQuarter, StatisticsPeriodKind.Last90Days, StatisticsPeriodKind.ThisMonth, StatisticsPeriodKind.ThisQuarter,
        StatisticsPeriodKind.ThisHalfYear, StatisticsPeriodKind.ThisYear, StatisticsPeriodKind.Custom,
    ];

    /// <summary>The first and last day of the period, both included; the last is never after today.</summary>
    public PeriodDays Days(DateOnly today)
    {
        if (Kind == StatisticsPeriodKind.Last90Days)
        {
            var start = today.AddDays(1 - RecentDays);
            return new PeriodDays(start, today, Months(MonthOf(start), MonthOf(today)));
        }

        var (first, months) = Kind switch
        {
            StatisticsPeriodKind.LastQuarter => (LocalDay.QuarterStart(today).AddMonths(-3), 3),
            StatisticsPeriodKind.ThisQuarter => (LocalDay.QuarterStart(today), 3),
            StatisticsPeriodKind.ThisHalfYear => (new DateOnly(today.Year, today.Month <= 6 ? 1 : 7, 1), 6),
            StatisticsPeriodKind.ThisYear => (new DateOnly(today.Year, 1, 1), 12),
            StatisticsPeriodKind.Custom => (MonthOf(FromMonth ?? today), Months(MonthOf(FromMonth ?? today), MonthOf(ToMonth ?? today))),
            _ => (new DateOnly(today.Year, today.Month, 1), 1),
        };
        var end = first.AddMonths(months).AddDays(-1);
        return new PeriodDays(first, end < today ? end : today, months);
    }

    /// <summary>
    /// The same span <see cref="PeriodDays.Months"/> months earlier: a period ending on a month's last
    /// day ends on that month's last day, one ending on the 27th on the 27th (or the month's end if shorter);
    /// the last 90 days are compared with the 90 days before them.
    /// </summary>
    public PeriodDays Previous(DateOnly today)
    {
        var days = Days(today);
        if (Kind == StatisticsPeriodKind.Last90Days)
        {
            return new PeriodDays(days.First.AddDays(-RecentDays), days.First.AddDays(-1), days.Months);
        }

        var last = days.Last.AddMonths(-days.Months);
        if (days.Last.AddDays(1).Day == 1)
        {
            last = MonthOf(last).AddMonths(1).AddDays(-1);
        }

        return new PeriodDays(days.First.AddMonths(-days.Months), last, days.Months);
    }

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    private static int Months(DateOnly from, DateOnly to) => Math.Max(1, ((to.Year - from.Year) * 12) + to.Month - from.Month + 1);
}

/// <param name="Months">How many calendar months the period spans (the last may be running).</param>
public sealed record PeriodDays(DateOnly First, DateOnly Last, int Months)
{
    public bool IsEmpty => Last < First;

    /// <summary>The months the period touches, first to last.</summary>
    public IReadOnlyList<DateOnly> MonthStarts()
    {
        var months = new List<DateOnly>();
        for (var month = StatisticsPeriod.MonthOf(First); month <= Last; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        return months;
    }

    public override string ToString() =>
        $"{First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} – {Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}

public sealed class StatisticsPeriodValidator : AbstractValidator<StatisticsPeriod>
{
    public StatisticsPeriodValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        When(x => x.Kind == StatisticsPeriodKind.Custom, () =>
        {
            RuleFor(x => x.FromMonth).NotNull();
            RuleFor(x => x.ToMonth).NotNull()
                .GreaterThanOrEqualTo(x => x.FromMonth).WithMessage(_ => UiText.Get("Statistics.RangeReversed"))
                .Must((x, to) => x.FromMonth is not { } from || to is not { } last || last < from.AddMonths(StatisticsPeriod.MaxMonths))
                .WithMessage(_ => UiText.Get("Statistics.RangeTooLong"));
        });
    }
}
