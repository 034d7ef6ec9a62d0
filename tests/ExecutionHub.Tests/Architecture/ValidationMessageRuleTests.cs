using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using ExecutionHub.Tests.Infrastructure;
using ExecutionHub.Tests.Repository;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Infrastructure.Localization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Architecture;

/// <summary>
/// "Validation messages name a field by its label, in the user's language, never by its C# property", as a test:
/// every validator of every mediator request is run on empty and on wrong instances (every switch — enums and
/// booleans that turn conditional rules on — set to each of its values) in Chinese and in English, and every
/// message it gives is read for C# names, resource keys and field names that are not labels. Where a form shows
/// the field with a label (<c>For</c> + <c>Label="@L["key"]"</c> in a form driven by the request's validator),
/// the message names the field with that very label.
/// </summary>
public sealed partial class ValidationMessageRuleTests
{
    private static readonly CultureInfo[] Languages = [CultureInfo.GetCultureInfo("zh-CN"), CultureInfo.GetCultureInfo("zh-Hans"), CultureInfo.GetCultureInfo("en")];

    private static readonly Type[] RequestTypes = typeof(AppDbContext).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false } && typeof(IMessage).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    private static readonly ResourceManager Resources = new(typeof(SharedResource));

    /// <summary>Child editors rendered inside a request's form, whose fields the form's validator checks.</summary>
    private static readonly (string Razor, Type Request)[] ChildEditors =
    [
        ("src/ExecutionHub.Web/Features/Matters/MatterDetailsEditor.razor", typeof(ExecutionHub.Web.Features.Matters.Registration.RegisterMatter)),
    ];

    [Fact]
    public async Task Every_validation_message_names_its_field_by_the_forms_label_in_the_users_language()
    {
        await using var app = await TestApp.CreateAsync();
        var labels = FormLabels();
        var offences = new List<string>();
        var validated = 0;
        var messages = 0;

        foreach (var type in RequestTypes)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var validators = scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(type)).Cast<IValidator>().ToList();
            if (validators.Count == 0)
            {
                continue;
            }

            validated++;
            var names = CSharpNames(type);
            foreach (var culture in Languages)
            {
                var failures = await FailuresAsync(type, validators, culture);
                messages += failures.Count;
                offences.AddRange(failures.SelectMany(f => Offences(type, f, culture, names, labels)).Distinct());
            }
        }

        Assert.True(validated >= 60, $"only {validated} request types with a validator found");
        Assert.True(messages >= 500, $"only {messages} messages produced");
        Assert.True(offences.Count == 0, $"{offences.Count} messages do not name their field by its label:" + Environment.NewLine + string.Join(Environment.NewLine, offences.Distinct()));
    }

    [Theory]
    [InlineData("zh-CN", "请填写最后已知住址。", "请填写核查请求。", "请填写是否找到被执行人。", "请填写现住址。")]
    [InlineData("zh-Hans", "请填写最后已知住址。", "请填写核查请求。", "请填写是否找到被执行人。", "请填写现住址。")]
    [InlineData("en", "'Last known addresses' must not be empty.", "'Request' must not be empty.", "'Person found' must not be empty.", "'Current address' must not be empty.")]
    public async Task Empty_registration_and_finding_fields_are_named_by_their_labels_in_the_users_language(
        string culture, string lastKnownAddresses, string request, string personFound, string currentAddress)
    {
        await using var app = await TestApp.CreateAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var registration = new ExecutionHub.Web.Features.Matters.Registration.RegisterMatter { Type = ExecutionHub.Web.Domain.MatterType.DebtorWhereabouts, Request = "" };
        var finding = new ExecutionHub.Web.Features.Matters.Findings.SubmitFinding { MatterType = ExecutionHub.Web.Domain.MatterType.DebtorWhereabouts };
        var found = new ExecutionHub.Web.Features.Matters.Findings.SubmitFinding { MatterType = ExecutionHub.Web.Domain.MatterType.DebtorWhereabouts, Finding = new() { PersonFound = true } };

        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var registered = await scope.ServiceProvider.GetRequiredService<IValidator<ExecutionHub.Web.Features.Matters.Registration.RegisterMatter>>().ValidateAsync(registration);
            var submitted = await scope.ServiceProvider.GetRequiredService<IValidator<ExecutionHub.Web.Features.Matters.Findings.SubmitFinding>>().ValidateAsync(finding);
            var withAddress = await scope.ServiceProvider.GetRequiredService<IValidator<ExecutionHub.Web.Features.Matters.Findings.SubmitFinding>>().ValidateAsync(found);

            Assert.Equal(lastKnownAddresses, Assert.Single(registered.Errors, e => e.PropertyName == "LastKnownAddresses").ErrorMessage);
            Assert.Equal(request, Assert.Single(registered.Errors, e => e.PropertyName == "Request").ErrorMessage);
            Assert.Equal(personFound, Assert.Single(submitted.Errors, e => e.PropertyName == "Finding.PersonFound").ErrorMessage);
            Assert.Equal(currentAddress, Assert.Single(withAddress.Errors, e => e.PropertyName == "Finding.CurrentAddress").ErrorMessage);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    [Fact]
    public void The_form_reading_finds_the_labels_of_the_registration_and_finding_forms()
    {
        var labels = FormLabels();

        Assert.Equal("Register.Request", labels[(typeof(ExecutionHub.Web.Features.Matters.Registration.RegisterMatter), "Request")]);
        Assert.Equal("Details.LastKnownAddresses", labels[(typeof(ExecutionHub.Web.Features.Matters.Registration.RegisterMatter), "Details.LastKnownAddresses")]);
        Assert.Equal("Finding.CurrentAddress", labels[(typeof(ExecutionHub.Web.Features.Matters.Findings.SubmitFinding), "Finding.CurrentAddress")]);
        Assert.True(labels.Count >= 40, $"only {labels.Count} labelled form fields found");
    }

    /// <summary>Every failure of every variant of <paramref name="type"/> under <paramref name="culture"/>.</summary>
    private static async Task<List<ValidationFailure>> FailuresAsync(Type type, List<IValidator> validators, CultureInfo culture)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            var failures = new List<ValidationFailure>();
            foreach (var instance in Variants(type))
            {
                foreach (var validator in validators)
                {
                    var context = (IValidationContext)Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(type), instance)!;
                    failures.AddRange((await validator.ValidateAsync(context)).Errors);
                }
            }

            return failures;
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    private static IEnumerable<string> Offences(Type type, ValidationFailure failure, CultureInfo culture, HashSet<string> names, Dictionary<(Type, string), string> labels)
    {
        var message = failure.ErrorMessage;
        var where = $"{type.Name}.{failure.PropertyName} [{culture.Name}]: \"{message}\"";
        var chinese = culture.TwoLetterISOLanguageName == "zh";

        foreach (Match word in Identifier().Matches(message))
        {
            // In Chinese any C# name is foreign; in English a one-word property ("Reason") may be its own label, which the label check below covers.
            if (names.Contains(word.Value) && (chinese || UpperCase().Matches(word.Value).Count > 1))
            {
                yield return $"{where} names the C# '{word.Value}'";
            }
        }

        foreach (Match key in ResourceKey().Matches(message))
        {
            yield return $"{where} shows the resource key '{key.Value}'";
        }

        if (chinese && NullWord().IsMatch(message))
        {
            yield return $"{where} says 'Null'";
        }

        if (chinese && !Han().IsMatch(message))
        {
            yield return $"{where} is not in Chinese";
        }

        // A message of its own (WithMessage) need not name the field; one that does must name it by its label.
        if (failure.FormattedMessagePlaceholderValues?.TryGetValue("PropertyName", out var placeholder) == true && placeholder is string shown
            && message.Contains(shown, StringComparison.Ordinal))
        {
            if (!IsLabel(shown, culture))
            {
                yield return $"{where} names the field '{shown}', which is no label in the resources";
            }

            var label = labels.Where(l => l.Key.Item1 == type && Matches(failure.PropertyName, l.Key.Item2)).Select(l => l.Value).FirstOrDefault();
            if (label is not null && shown != Resources.GetString(label, culture))
            {
                yield return $"{where} names the field '{shown}', but its form labels it '{Resources.GetString(label, culture)}' ({label})";
            }
        }

        foreach (Match quoted in Quoted().Matches(message))
        {
            var text = quoted.Groups["text"].Value;
            var isValue = failure.FormattedMessagePlaceholderValues?.Values.Any(v => v is not null && Convert.ToString(v, culture) == text) == true;
            if (!isValue && !IsLabel(text, culture))
            {
                yield return $"{where} quotes '{text}', which is neither a label nor the value";
            }
        }
    }

    /// <summary>Whether <paramref name="text"/> is one of the resources' texts in the culture's language (Chinese is the neutral set).</summary>
    private static bool IsLabel(string text, CultureInfo culture) =>
        LabelTexts.GetOrAdd(culture.TwoLetterISOLanguageName, language =>
            Resources.GetResourceSet(language == "zh" ? CultureInfo.InvariantCulture : culture, createIfNotExists: true, tryParents: false)!
                .Cast<DictionaryEntry>().Select(e => e.Value as string).OfType<string>().ToHashSet(StringComparer.Ordinal)).Contains(text);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, HashSet<string>> LabelTexts = new();

    /// <summary>The same matching the forms use (<c>FormValidation</c>): "Details.VehiclePlate" and "VehiclePlate" name one field.</summary>
    private static bool Matches(string rule, string field) =>
        rule == field || field.EndsWith("." + rule, StringComparison.Ordinal) || rule.EndsWith("." + field, StringComparison.Ordinal);

    /// <summary>The names of the request's properties, its nested objects' properties and its enums' members.</summary>
    private static HashSet<string> CSharpNames(Type type)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Walk(Type t, int depth)
        {
            t = Nullable.GetUnderlyingType(t) ?? t;
            if (t.IsEnum)
            {
                names.UnionWith(Enum.GetNames(t));
                return;
            }

            if (depth > 3 || t == typeof(string) || t.IsPrimitive || !t.Namespace!.StartsWith("ExecutionHub", StringComparison.Ordinal) && ElementType(t) is null)
            {
                return;
            }

            if (ElementType(t) is { } element)
            {
                Walk(element, depth + 1);
                return;
            }

            foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                names.Add(property.Name);
                Walk(property.PropertyType, depth + 1);
            }
        }

        Walk(type, 0);
        return names;
    }

    private static Type? ElementType(Type t) =>
        t == typeof(string) ? null : t.IsArray ? t.GetElementType() : t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    // ---- instances -------------------------------------------------------------------------------------------

    /// <summary>
    /// An empty instance and a wrong one (too-long text, negative numbers, unknown enum values), each with every
    /// combination of its switches (enum and bool values, which turn conditional rules on), capped per request.
    /// </summary>
    private static IEnumerable<object> Variants(Type type)
    {
        var switches = Switches(type, "", 0).ToList();
        // First no switch at all, so the wrong instance keeps its undefined enum values.
        var combinations = Combinations(switches).Take(3000).Prepend([]).ToList();
        foreach (var wrong in new[] { false, true })
        {
            foreach (var combination in combinations)
            {
                var instance = Create(type, wrong, 0);
                foreach (var (path, value) in combination)
                {
                    Set(instance, path, value);
                }

                yield return instance;
            }
        }
    }

    private static IEnumerable<List<(string Path, object? Value)>> Combinations(List<(string Path, object?[] Values)> switches)
    {
        IEnumerable<List<(string, object?)>> result = [[]];
        foreach (var (path, values) in switches)
        {
            result = result.SelectMany(r => values.Select(v => new List<(string, object?)>(r) { (path, v) }));
        }

        return result;
    }

    private static IEnumerable<(string Path, object?[] Values)> Switches(Type type, string prefix, int depth)
    {
        foreach (var property in Settable(type))
        {
            var t = property.PropertyType;
            var underlying = Nullable.GetUnderlyingType(t);
            var path = prefix + property.Name;
            if ((underlying ?? t).IsEnum)
            {
                var values = Enum.GetValues(underlying ?? t).Cast<object?>();
                yield return (path, (underlying is null ? values : values.Prepend(null)).ToArray());
            }
            else if ((underlying ?? t) == typeof(bool))
            {
                yield return (path, underlying is null ? [false, true] : [null, false, true]);
            }
            else if (depth < 1 && IsNested(t))
            {
                foreach (var nested in Switches(t, path + ".", depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static object Create(Type type, bool wrong, int depth)
    {
        var instance = type.GetConstructor(Type.EmptyTypes) is { } empty
            ? empty.Invoke(null)
            : type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First()
                .Invoke(type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters()
                    .Select(p => Value(p.ParameterType, wrong, depth)).ToArray());

        foreach (var property in Settable(type))
        {
            var value = Value(property.PropertyType, wrong, depth);
            if (value is not null || property.PropertyType == typeof(string) || Nullable.GetUnderlyingType(property.PropertyType) is not null)
            {
                property.SetValue(instance, value);
            }
        }

        return instance;
    }

    /// <summary>Empty: nothing (an empty list, a blank nested object). Wrong: text far too long, negative numbers, an undefined enum value.</summary>
    private static object? Value(Type t, bool wrong, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(t);
        var plain = underlying ?? t;
        if (plain == typeof(string))
        {
            return wrong ? new string('x', 10_001) : null;
        }

        if (plain.IsEnum)
        {
            return wrong ? Enum.ToObject(plain, 999) : underlying is null ? Activator.CreateInstance(plain) : null;
        }

        if (plain == typeof(int) || plain == typeof(long) || plain == typeof(decimal) || plain == typeof(double))
        {
            return wrong ? Convert.ChangeType(-1, plain, CultureInfo.InvariantCulture) : underlying is null ? Activator.CreateInstance(plain) : null;
        }

        if (plain == typeof(DateTime) || plain == typeof(DateOnly) || plain == typeof(DateTimeOffset) || plain == typeof(TimeOnly))
        {
            return underlying is null || wrong ? Activator.CreateInstance(plain) : null;
        }

        if (plain.IsValueType)
        {
            return underlying is null ? Activator.CreateInstance(plain) : null;
        }

        if (plain.IsArray)
        {
            return Array.CreateInstance(plain.GetElementType()!, 0);
        }

        if (ElementType(plain) is { } element)
        {
            var list = typeof(List<>).MakeGenericType(element);
            return plain.IsAssignableFrom(list) ? Activator.CreateInstance(list) : null;
        }

        return IsNested(plain) && depth < 2 ? Create(plain, wrong, depth + 1) : null;
    }

    private static bool IsNested(Type t) =>
        t.IsClass && t != typeof(string) && ElementType(t) is null && t.Namespace?.StartsWith("ExecutionHub", StringComparison.Ordinal) == true
        && (t.GetConstructor(Type.EmptyTypes) is not null || t.GetConstructors().Length > 0);

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && p.SetMethod!.IsPublic);

    private static void Set(object instance, string path, object? value)
    {
        var parts = path.Split('.');
        var target = instance;
        foreach (var part in parts[..^1])
        {
            target = target.GetType().GetProperty(part)!.GetValue(target);
            if (target is null)
            {
                return;
            }
        }

        target.GetType().GetProperty(parts[^1])!.SetValue(target, value);
    }

    // ---- the forms -------------------------------------------------------------------------------------------

    /// <summary>(request type, field path) → label key, read from the forms driven by a request's validator.</summary>
    private static Dictionary<(Type, string), string> FormLabels()
    {
        var byName = RequestTypes.ToLookup(t => t.Name);
        var labels = new Dictionary<(Type, string), string>();
        var web = Path.Combine(RepositoryFiles.Root, "src", "ExecutionHub.Web");
        var forms = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .Select(f => (File: f, Text: File.ReadAllText(f)))
            .SelectMany(f => InjectedValidator().Matches(f.Text).SelectMany(m => byName[m.Groups["type"].Value]).Select(t => (f.Text, Type: t, Child: false)))
            .Concat(ChildEditors.Select(c => (Text: File.ReadAllText(Path.Combine(RepositoryFiles.Root, c.Razor)), Type: c.Request, Child: true)));

        foreach (var (text, type, child) in forms)
        {
            foreach (Match field in ForField().Matches(text))
            {
                var start = text.LastIndexOf("<Mud", field.Index, StringComparison.Ordinal);
                var next = NextTag().Match(text, field.Index + field.Length);
                var end = next.Success ? next.Index : text.Length;
                var label = LabelKey().Match(text[start..end]);
                if (start >= 0 && label.Success)
                {
                    // "model.Finding.CurrentAddress" → "Finding.CurrentAddress": the first part is the form's model variable;
                    // a child editor's first part is its parameter, the nested object itself ("Details.LastKnownAddresses").
                    var path = field.Groups["path"].Value;
                    var key = (type, child ? path : path[(path.IndexOf('.', StringComparison.Ordinal) + 1)..]);
                    labels.TryAdd(key, label.Groups["key"].Value);
                }
            }
        }

        return labels;
    }

    [GeneratedRegex(@"IValidator<(?<type>\w+)>")]
    private static partial Regex InjectedValidator();

    [GeneratedRegex(@"For=""@\(\(\) => (?<path>[A-Za-z_][A-Za-z0-9_.]*)\)""")]
    private static partial Regex ForField();

    [GeneratedRegex(@"Label=""@L\[""(?<key>[A-Za-z0-9_.]+)""\]""")]
    private static partial Regex LabelKey();

    [GeneratedRegex(@"<Mud|</|<[A-Z]\w+\s")]
    private static partial Regex NextTag();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]*(?![A-Za-z0-9])")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"[A-Z]")]
    private static partial Regex UpperCase();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]+(\.[A-Z][A-Za-z0-9]+)+(?![A-Za-z0-9])")]
    private static partial Regex ResourceKey();

    [GeneratedRegex(@"(?<![A-Za-z])null(?![A-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex NullWord();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex(@"'(?<text>[^']+)'")]
    private static partial Regex Quoted();
}
