namespace ExecutionHub.Web.Infrastructure.Localization;

/// <summary>
/// The resource key of the label a form shows for this request property, so a validation message names the field
/// with the very word the user sees beside it (<see cref="FieldNames"/>). Only needed where the label's key is not
/// <c>Field.{Property}</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class FieldLabelAttribute(string key) : Attribute
{
    public string Key { get; } = key;
}
