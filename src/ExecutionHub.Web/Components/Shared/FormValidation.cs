using FluentValidation;

namespace ExecutionHub.Web.Components.Shared;

/// <summary>Lets a MudForm ask the same FluentValidation validator the mediator pipeline runs.</summary>
public static class FormValidation
{
    /// <summary>
    /// Validates the whole model and returns the messages for one field. A nested field may arrive
    /// as "Details.VehiclePlate" while its rule is named "VehiclePlate" (or the other way round);
    /// both match.
    /// </summary>
    public static Func<object, string, Task<IEnumerable<string>>> For<T>(IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            var result = await validator.ValidateAsync((T)model);
            return result.Errors
                .Where(e => Matches(e.PropertyName, propertyName))
                .Select(e => e.ErrorMessage)
                .Distinct()
                .ToList();
        };

    private static bool Matches(string rule, string field) =>
        rule == field || field.EndsWith("." + rule, StringComparison.Ordinal) || rule.EndsWith("." + field, StringComparison.Ordinal);
}
