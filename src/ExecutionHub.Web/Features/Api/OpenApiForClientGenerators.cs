using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ExecutionHub.Web.Features.Api;

/// <summary>
/// What an integrator's client generator needs from the document, checked by generating one (NSwag 14, the
/// ExecutionHub.ApiClientTests project):
/// <list type="bullet">
/// <item>A property that may be left out or null and names another schema (an optional enum such as a referral's
/// <c>type</c>) is written by the framework as <c>oneOf: [{type: null}, {$ref}]</c>, which generators turn into an
/// empty class a client cannot fill. The document names the schema alone and leaves the property out of
/// <c>required</c> (a generator then makes it nullable, as it may be); the API reads an absent value and a null alike.</item>
/// <item>An enum is written as its names with a null among them and no type, which generators read as numbers (a
/// referral's <c>type</c> went out as 0 and was refused). It is a string of those names; where it may be left out,
/// the property says so.</item>
/// <item>A file sent as the whole body (the ledger, CSV or XLSX) is <c>format: binary</c>: a plain string made the
/// generated client send the file as a JSON string, quotes and escapes included.</item>
/// </list>
/// </summary>
public static class OpenApiForClientGenerators
{
    public static Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
        {
            Simplify(schema);
            if (schema is OpenApiSchema { Enum: { Count: > 0 } names } named && names.Where(n => n is not null).All(n => n!.GetValueKind() == System.Text.Json.JsonValueKind.String))
            {
                named.Enum = names.Where(n => n is not null).ToList();
                named.Type = JsonSchemaType.String;
            }
        }

        var operations = document.Paths?.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []) ?? [];
        foreach (var media in operations.SelectMany(operation => operation.RequestBody?.Content?.Values.AsEnumerable() ?? []))
        {
            if (media.Schema is OpenApiSchema { Type: JsonSchemaType.String, Format: null } file)
            {
                file.Format = "binary";
            }
        }

        return Task.CompletedTask;
    }

    private static void Simplify(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchema own)
        {
            return;
        }

        foreach (var name in own.Properties?.Keys.ToList() ?? [])
        {
            var property = ReferenceOrSelf(own.Properties![name]);
            if (!ReferenceEquals(property, own.Properties[name]))
            {
                // Null is one of its values: always written, but not always a value, so not "required".
                own.Required?.Remove(name);
            }

            own.Properties[name] = property;
            Simplify(property);
        }

        if (own.Items is { } items)
        {
            own.Items = ReferenceOrSelf(items);
            Simplify(own.Items);
        }
    }

    private static IOpenApiSchema ReferenceOrSelf(IOpenApiSchema schema) =>
        schema is OpenApiSchema { OneOf: [var first, var second] }
        && (IsNull(first) ? second : IsNull(second) ? first : null) is OpenApiSchemaReference reference
            ? reference
            : schema;

    private static bool IsNull(IOpenApiSchema schema) => schema is OpenApiSchema { Type: JsonSchemaType.Null };
}
