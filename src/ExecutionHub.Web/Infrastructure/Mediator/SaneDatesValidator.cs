using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Time;
using FluentValidation;
using FluentValidation.Results;

namespace ExecutionHub.Web.Infrastructure.Mediator;

/// <summary>
/// One rule for every request, so no form or API call forgets it: each date it carries (DateOnly,
/// DateTime, DateTimeOffset, nullable or not, on the request or on the items of a list it carries)
/// lies within <see cref="SaneDates"/> — 0001-01-01 or 9999-12-31 is refused naming the field.
/// A DateTime is read as the Shanghai day it falls on (UTC) or as given (a local time).
/// </summary>
public sealed class SaneDatesValidator<TRequest> : AbstractValidator<TRequest>
{
    public SaneDatesValidator(TimeProvider clock)
    {
        RuleFor(request => request).Custom((request, context) =>
        {
            if (request is null)
            {
                return;
            }

            var today = ChinaTime.Today(clock);
            foreach (var (path, property, date) in SaneDateFields.Of(request))
            {
                var planned = SaneDateFields.MayLieAhead(typeof(TRequest), property);
                if (!SaneDates.IsSane(date, today, planned))
                {
                    var label = ValidatorOptions.Global.DisplayNameResolver(property.DeclaringType!, property, null) ?? property.Name;
                    context.AddFailure(new ValidationFailure(
                        path,
                        UiText.Format("Validation.DateOutOfRange", label, SaneDates.Earliest.ToString("yyyy-MM-dd"), SaneDates.Latest(today, planned).ToString("yyyy-MM-dd"))));
                }
            }
        });
    }
}

/// <summary>Finds the dates a request carries (see <see cref="SaneDatesValidator{TRequest}"/>).</summary>
public static class SaneDateFields
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Dated = new();
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Lists = new();

    /// <summary>Read on every request that carries a date: the reflection is done once per property.</summary>
    private static readonly ConcurrentDictionary<(Type Request, PropertyInfo Property), bool> Ahead = new();

    public static IEnumerable<(string Path, PropertyInfo Property, DateOnly Date)> Of(object request, string prefix = "")
    {
        var type = request.GetType();
        foreach (var property in Dated.GetOrAdd(type, t => Readable(t).Where(p => IsDate(p.PropertyType)).ToArray()))
        {
            if (AsDate(property.GetValue(request)) is { } date)
            {
                yield return (prefix + property.Name, property, date);
            }
        }

        foreach (var property in Lists.GetOrAdd(type, t => Readable(t).Where(p => ItemType(p.PropertyType) is { } item && Readable(item).Any(q => IsDate(q.PropertyType))).ToArray()))
        {
            if (property.GetValue(request) is not IEnumerable items)
            {
                continue;
            }

            var index = 0;
            foreach (var item in items)
            {
                if (item is not null)
                {
                    foreach (var found in Of(item, $"{prefix}{property.Name}[{index}]."))
                    {
                        yield return found;
                    }
                }

                index++;
            }
        }
    }

    /// <summary>
    /// A date a command plans (<see cref="PlannedDateAttribute"/>), or any date of a query: reading a
    /// period that ends later this month is no mistake, only one that starts before 1980 or ends past the plans.
    /// </summary>
    public static bool MayLieAhead(Type requestType, PropertyInfo property) =>
        Ahead.GetOrAdd((requestType, property), key =>
            IsPlanned(key.Property) || key.Request.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(global::Mediator.IQuery<>)));

    /// <summary>Marked <see cref="PlannedDateAttribute"/> on the property or, for a positional record, on its parameter.</summary>
    public static bool IsPlanned(PropertyInfo property) =>
        property.IsDefined(typeof(PlannedDateAttribute))
        || property.DeclaringType!.GetConstructors().SelectMany(c => c.GetParameters())
            .Any(p => p.Name == property.Name && p.IsDefined(typeof(PlannedDateAttribute)));

    private static IEnumerable<PropertyInfo> Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0);

    private static bool IsDate(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset);
    }

    private static Type? ItemType(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type)
            ? null
            : type.IsArray
                ? type.GetElementType()
                : type.GetInterfaces().Append(type)
                    .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0] is { IsClass: true } item && item.Assembly == typeof(SaneDates).Assembly
                        ? item
                        : null;

    private static DateOnly? AsDate(object? value) => value switch
    {
        DateOnly date => date,
        DateTime { Kind: DateTimeKind.Utc } utc => DateOnly.FromDateTime(ChinaTime.ToLocal(utc)),
        DateTime local => DateOnly.FromDateTime(local),
        DateTimeOffset offset => DateOnly.FromDateTime(ChinaTime.ToLocal(offset.UtcDateTime)),
        _ => null,
    };
}
