using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Web.Data;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Architecture;

/// <summary>
/// "Every string a request carries has a length limit", as a test: for every mediator request, every text it carries —
/// on the request, on the objects it carries (matter details, a finding, an instalment) and in its lists — is set to
/// far too long a value, and the validators registered for the request must refuse it naming that field, whatever
/// switch (an enum or a bool that turns conditional rules on) is set. A list of texts must also refuse far too many items.
/// </summary>
public sealed partial class RequestTextLimitRuleTests
{
    private const int FarTooLong = 100_000;
    private const int FarTooMany = 10_000;

    private static readonly Type[] RequestTypes = typeof(AppDbContext).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false } && typeof(IMessage).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public async Task Every_text_a_request_carries_is_refused_when_far_too_long()
    {
        await using var app = await TestApp.CreateAsync();
        var unbounded = new SortedSet<string>(StringComparer.Ordinal);
        var probed = 0;

        foreach (var type in RequestTypes)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var validators = scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(type)).Cast<IValidator>().ToList();
            foreach (var probe in Probes(type, [], 0))
            {
                probed++;
                foreach (var variant in Switches(type))
                {
                    var blank = Create(type, 0);
                    variant(blank);
                    var baseline = (await FailuresAsync(type, blank, validators)).Select(Key).ToHashSet();

                    var instance = Create(type, 0);
                    variant(instance);
                    if (!probe.Apply(instance))
                    {
                        continue;
                    }

                    // A failure on the field's own path refuses it; one naming only its last part ("VehiclePlate" for
                    // "Details.VehiclePlate") counts when the blank request did not give it already (another field's "Name").
                    var refused = (await FailuresAsync(type, instance, validators))
                        .Any(f => Normalised(f.PropertyName) == probe.Path || !baseline.Contains(Key(f)) && Matches(Normalised(f.PropertyName), probe.Path));
                    if (!refused)
                    {
                        unbounded.Add($"{probe.Owner.Name}.{probe.Property.Name}{probe.Kind} (in {type.Name})");
                        break;
                    }
                }
            }
        }

        Assert.True(probed >= 150, $"only {probed} texts found on the requests");
        Assert.True(unbounded.Count == 0, $"{unbounded.Count} texts have no length limit:" + Environment.NewLine + string.Join(Environment.NewLine, unbounded));
    }

    private static string Key(ValidationFailure failure) => Normalised(failure.PropertyName) + "|" + failure.ErrorMessage;

    private static async Task<List<ValidationFailure>> FailuresAsync(Type type, object instance, List<IValidator> validators)
    {
        var failures = new List<ValidationFailure>();
        foreach (var validator in validators)
        {
            var context = (IValidationContext)Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(type), instance)!;
            failures.AddRange((await validator.ValidateAsync(context)).Errors);
        }

        return failures;
    }

    /// <summary>"Instalments[0].Note" → "Instalments.Note".</summary>
    private static string Normalised(string propertyName) => Index().Replace(propertyName, "");

    /// <summary>The forms' matching: a rule on "Details.VehiclePlate" may name it "VehiclePlate".</summary>
    private static bool Matches(string rule, string field) =>
        rule == field || field.EndsWith("." + rule, StringComparison.Ordinal);

    /// <summary>One text to make far too long (or one list of texts to make far too long or far too many).</summary>
    private sealed record Probe(string Path, Type Owner, PropertyInfo Property, string Kind, Func<object, bool> Apply);

    private static IEnumerable<Probe> Probes(Type type, List<PropertyInfo> trail, int depth)
    {
        foreach (var property in Settable(type))
        {
            var path = string.Join('.', trail.Append(property).Select(p => p.Name));
            var here = trail.Append(property).ToList();
            var t = property.PropertyType;
            if (t == typeof(string))
            {
                yield return new Probe(path, type, property, "", i => SetAt(i, here, new string('a', FarTooLong)));
            }
            else if (ElementType(t) == typeof(string))
            {
                yield return new Probe(path, type, property, "[] item", i => SetAt(i, here, TextList(t, Enumerable.Repeat(new string('a', FarTooLong), 1))));
                yield return new Probe(path, type, property, "[] count", i => SetAt(i, here, TextList(t, Enumerable.Repeat("a", FarTooMany))));
            }
            else if (depth < 2 && ElementType(t) is { } element && IsNested(element))
            {
                foreach (var nested in Probes(element, here, depth + 1))
                {
                    yield return nested;
                }
            }
            else if (depth < 2 && IsNested(t))
            {
                foreach (var nested in Probes(t, here, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>Sets the value at the end of the trail, putting one blank item into each list on the way.</summary>
    private static bool SetAt(object root, List<PropertyInfo> trail, object value)
    {
        var target = root;
        foreach (var property in trail[..^1])
        {
            var next = property.GetValue(target);
            if (ElementType(property.PropertyType) is { } element && IsNested(element))
            {
                var item = Create(element, 1);
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
                list.Add(item);
                var holder = property.PropertyType.IsArray ? ToArray(list, element) : list;
                if (!property.PropertyType.IsAssignableFrom(holder.GetType()))
                {
                    return false;
                }

                property.SetValue(target, holder);
                next = item;
            }
            else if (next is null)
            {
                next = Create(property.PropertyType, 1);
                property.SetValue(target, next);
            }

            target = next;
        }

        trail[^1].SetValue(target, value);
        return true;
    }

    private static object TextList(Type t, IEnumerable<string> items)
    {
        var list = items.ToList();
        return t.IsArray ? list.ToArray() : t.IsAssignableFrom(typeof(List<string>)) ? list : Activator.CreateInstance(t, list)!;
    }

    private static object ToArray(IList list, Type element)
    {
        var array = Array.CreateInstance(element, list.Count);
        list.CopyTo(array, 0);
        return array;
    }

    /// <summary>Nothing set, then each switch (enum or bool, on the request or an object it carries) at each of its values.</summary>
    private static IEnumerable<Action<object>> Switches(Type type)
    {
        yield return _ => { };
        foreach (var (trail, values) in SwitchFields(type, [], 0))
        {
            foreach (var value in values)
            {
                yield return i => SetAt(i, trail, value!);
            }
        }
    }

    private static IEnumerable<(List<PropertyInfo> Trail, object?[] Values)> SwitchFields(Type type, List<PropertyInfo> trail, int depth)
    {
        foreach (var property in Settable(type))
        {
            var t = property.PropertyType;
            var plain = Nullable.GetUnderlyingType(t) ?? t;
            var here = trail.Append(property).ToList();
            if (plain.IsEnum)
            {
                yield return (here, Enum.GetValues(plain).Cast<object?>().ToArray());
            }
            else if (plain == typeof(bool))
            {
                yield return (here, [false, true]);
            }
            else if (depth < 1 && IsNested(t))
            {
                foreach (var nested in SwitchFields(t, here, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static object Create(Type type, int depth)
    {
        var constructor = type.GetConstructor(Type.EmptyTypes) ?? type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var instance = constructor.Invoke(constructor.GetParameters().Select(p => Blank(p.ParameterType, depth)).ToArray());
        foreach (var property in Settable(type))
        {
            if (property.GetValue(instance) is null && Blank(property.PropertyType, depth) is { } value)
            {
                property.SetValue(instance, value);
            }
        }

        return instance;
    }

    private static object? Blank(Type t, int depth)
    {
        if (t == typeof(string) || Nullable.GetUnderlyingType(t) is not null)
        {
            return null;
        }

        if (t.IsValueType)
        {
            return Activator.CreateInstance(t);
        }

        if (t.IsArray)
        {
            return Array.CreateInstance(t.GetElementType()!, 0);
        }

        if (ElementType(t) is { } element)
        {
            var list = typeof(List<>).MakeGenericType(element);
            return t.IsAssignableFrom(list) ? Activator.CreateInstance(list) : null;
        }

        return IsNested(t) && depth < 2 ? Create(t, depth + 1) : null;
    }

    private static Type? ElementType(Type t) =>
        t == typeof(string) ? null : t.IsArray ? t.GetElementType() : t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static bool IsNested(Type t) =>
        t.IsClass && t != typeof(string) && ElementType(t) is null && t.Namespace?.StartsWith("ExecutionHub", StringComparison.Ordinal) == true
        && t.GetConstructors().Length > 0;

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && p.SetMethod!.IsPublic);

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();
}
