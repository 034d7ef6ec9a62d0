using System.Linq.Expressions;
using System.Reflection;

namespace ExecutionHub.Web.Infrastructure.Localization;

/// <summary>
/// Names the field in FluentValidation's messages by its label, in the current UI culture (looked up when the
/// message is made, so one validator serves both languages). The label's resource key is, in this order: the
/// property's <see cref="FieldLabelAttribute"/>; for a field of a nested object, its path (<c>Finding.CurrentAddress</c>,
/// <c>Details.LastKnownAddresses</c>: the keys the forms label those fields with); <c>Field.{Property}</c>.
/// </summary>
public static class FieldNames
{
    public static string? Resolve(Type type, MemberInfo? member, LambdaExpression? expression) =>
        member is null ? null : UiText.Find(LabelKey(member, expression)) ?? member.Name;

    /// <summary>The first of the candidate keys that the resources hold, or <c>Field.{Property}</c>.</summary>
    public static string LabelKey(MemberInfo member, LambdaExpression? expression)
    {
        if (member.GetCustomAttribute<FieldLabelAttribute>() is { } label)
        {
            return label.Key;
        }

        var path = Path(expression);
        if (path.Contains('.', StringComparison.Ordinal) && UiText.Exists(path))
        {
            return path;
        }

        return $"Field.{member.Name}";
    }

    /// <summary>"Finding.CurrentAddress" for <c>x => x.Finding.CurrentAddress</c>.</summary>
    private static string Path(LambdaExpression? expression)
    {
        var names = new Stack<string>();
        var node = expression?.Body;
        while (node is UnaryExpression { NodeType: ExpressionType.Convert } convert)
        {
            node = convert.Operand;
        }

        while (node is MemberExpression access)
        {
            names.Push(access.Member.Name);
            node = access.Expression;
        }

        return string.Join('.', names);
    }
}
