using System.Linq.Expressions;
using System.Reflection;

namespace ExecutionHub.Web.Infrastructure.Localization;

/// <summary>
/// Gives FluentValidation's (already translated) messages the field's UI name, looked up in the
/// shared resources under <c>Field.{PropertyName}</c> in the current UI culture.
/// </summary>
public static class FieldNames
{
    public static string? Resolve(Type type, MemberInfo? member, LambdaExpression? expression) =>
        member is null ? null : UiText.Find($"Field.{member.Name}") ?? member.Name;
}
