using System.Text.RegularExpressions;

namespace ExecutionHub.Tests.Architecture;

/// <summary>
/// Reads a .razor file the way a reviewer would for habit 11: which methods of its <c>@code</c> send a
/// command (through <c>Ui.SendAsync</c> or the mediator, directly or through another method of the file,
/// or by raising one of the component's <c>On…</c> callbacks, whose handler in the parent usually sends),
/// and which elements bind a click, an Enter key or a form submit to an expression.
/// A reading, not a compiler: good enough to catch a page that binds a raw button to a command.
/// </summary>
internal static partial class RazorHandlers
{
    /// <summary>An element binding <see cref="Attribute"/> to <see cref="Expression"/>, on <see cref="Line"/>.</summary>
    public sealed record Binding(string Tag, string Attribute, string Expression, int Line);

    /// <summary>The attributes through which a user starts something: a click, Enter in a form, a form submit.</summary>
    public static readonly HashSet<string> Triggers = new(["OnClick", "@onclick", "OnEnterPressed", "OnValidSubmit", "OnSubmit", "OnRun"], StringComparer.Ordinal);

    public static (string Markup, string Code) Split(string razor)
    {
        var code = CodeBlock().Match(razor);
        return code.Success ? (razor[..code.Index], razor[code.Index..]) : (razor, "");
    }

    /// <summary>Names of the methods and callback parameters whose call sends a command.</summary>
    public static HashSet<string> Senders(string code)
    {
        var headers = MethodHeader().Matches(code).ToList();
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            var end = i + 1 < headers.Count ? headers[i + 1].Index : code.Length;
            var name = headers[i].Groups["name"].Value;
            bodies[name] = (bodies.TryGetValue(name, out var overload) ? overload : "") + code[headers[i].Index..end];
        }

        var senders = Callback().Matches(code).Select(m => m.Groups["name"].Value).Where(n => !n.EndsWith("Changed", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        senders.UnionWith(bodies.Where(b => SendsDirectly().IsMatch(b.Value)).Select(b => b.Key));
        for (var added = true; added;)
        {
            added = false;
            foreach (var (name, body) in bodies)
            {
                if (!senders.Contains(name) && Identifiers(body).Any(senders.Contains))
                {
                    added |= senders.Add(name);
                }
            }
        }

        return senders;
    }

    public static IEnumerable<string> Identifiers(string text) => Identifier().Matches(text).Select(m => m.Value);

    /// <summary>Every element (component or HTML) with a trigger attribute, with the expression bound to it.</summary>
    public static IEnumerable<Binding> Bindings(string markup)
    {
        foreach (Match tag in TagStart().Matches(markup))
        {
            var line = markup.AsSpan(0, tag.Index).Count('\n') + 1;
            foreach (var (name, value) in Attributes(markup, tag.Index + tag.Length))
            {
                if (Triggers.Contains(name))
                {
                    yield return new Binding(tag.Groups["tag"].Value, name, value, line);
                }
            }
        }
    }

    /// <summary>The attributes of a tag starting at <paramref name="at"/> (just after its name), up to its closing '>'.</summary>
    private static IEnumerable<(string Name, string Value)> Attributes(string markup, int at)
    {
        var i = at;
        while (i < markup.Length)
        {
            while (i < markup.Length && char.IsWhiteSpace(markup[i]))
            {
                i++;
            }

            if (i >= markup.Length || markup[i] == '>' || (markup[i] == '/' && i + 1 < markup.Length && markup[i + 1] == '>'))
            {
                yield break;
            }

            var nameStart = i;
            while (i < markup.Length && !char.IsWhiteSpace(markup[i]) && markup[i] is not '=' and not '>' and not '/')
            {
                i++;
            }

            var name = markup[nameStart..i];
            if (name.Length == 0)
            {
                i++;
                continue;
            }

            if (i < markup.Length && markup[i] == '=' && i + 1 < markup.Length && markup[i + 1] == '"')
            {
                var valueStart = i + 2;
                i = ValueEnd(markup, valueStart);
                yield return (name, markup[valueStart..i]);
                i++;
            }
            else
            {
                yield return (name, "");
            }
        }
    }

    /// <summary>Where a quoted attribute value ends: its closing quote, skipping the quotes inside an <c>@( … )</c> expression.</summary>
    private static int ValueEnd(string markup, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < markup.Length; i++)
        {
            var c = markup[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c == '"')
            {
                if (depth == 0)
                {
                    return i;
                }

                inString = true;
            }
        }

        return markup.Length;
    }

    [GeneratedRegex(@"^@(code|functions)\b", RegexOptions.Multiline)]
    private static partial Regex CodeBlock();

    // A member with a parameter list: modifiers, a return type without '=', '(' or ';', the name, optional type parameters, '('.
    [GeneratedRegex(@"^[ \t]*(?:(?:private|public|protected|internal|static|async|override|virtual|sealed|new)\s+)+[^=;(){}]+?\s(?<name>[A-Za-z_]\w*)\s*(?:<[^>()]*>)?\s*\(", RegexOptions.Multiline)]
    private static partial Regex MethodHeader();

    [GeneratedRegex(@"\bEventCallback(?:<[^>]+>)?\s+(?<name>On\w*)\s*\{")]
    private static partial Regex Callback();

    // Ui.SendAsync (the UI's way), or the mediator itself (Sender.Send, Mediator.Send).
    [GeneratedRegex(@"\.SendAsync\s*\(|\b(?:Sender|Mediator)\.Send\s*\(")]
    private static partial Regex SendsDirectly();

    [GeneratedRegex(@"[A-Za-z_]\w*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"<(?<tag>[A-Za-z][\w.]*)(?=[\s/>])")]
    private static partial Regex TagStart();
}
