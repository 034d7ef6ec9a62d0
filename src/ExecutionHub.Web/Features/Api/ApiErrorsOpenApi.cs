using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ExecutionHub.Web.Features.Api;

/// <summary>
/// Writes the catalogue (<see cref="ApiErrorCodes"/>) into the OpenAPI document: an <c>ErrorCode</c> schema listing every
/// code with its status and meaning, and on the problem schemas a required <c>code</c>, the <c>fieldErrors</c> of a 400 or
/// of an unknown reference, and the <c>rows</c> of a rejected ledger. <c>code</c> itself is a string, not that enum: a
/// generated client must still read an answer whose code is newer than the client (an enum makes it throw instead).
/// </summary>
public static class ApiErrorsOpenApi
{
    public const string ErrorCodeSchema = "ErrorCode";

    private static readonly string[] ProblemSchemas = ["ProblemDetails", "HttpValidationProblemDetails"];

    public static async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var schemas = document.Components.Schemas;
        schemas[ErrorCodeSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = ApiErrorCodes.All.Select(c => (JsonNode)JsonValue.Create(c.Code)).ToList(),
            Description = Describe(),
        };
        schemas[nameof(ApiFieldError)] = await context.GetOrCreateSchemaAsync(typeof(ApiFieldError), null, cancellationToken);
        schemas[nameof(ApiRowError)] = await context.GetOrCreateSchemaAsync(typeof(ApiRowError), null, cancellationToken);
        foreach (var name in ProblemSchemas)
        {
            if (!schemas.TryGetValue(name, out var found) || found is not OpenApiSchema problem)
            {
                continue;
            }

            problem.Properties ??= new Dictionary<string, IOpenApiSchema>();
            problem.Properties["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = $"Stable and machine-readable: one of {ErrorCodeSchema} (each listed there with its status and meaning). The title says it in the language of Accept-Language. A code may be added in a later release; read one you do not know by the status.",
                Examples = [JsonValue.Create(ApiErrorCodes.RequestInvalid)],
            };
            problem.Properties["fieldErrors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchemaReference(nameof(ApiFieldError), document),
                Description = "A 400 request.invalid, or a 422 for a street or judge the court does not have: each field's error with its own code (field.*, reference.*).",
            };
            problem.Properties["rows"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchemaReference(nameof(ApiRowError), document),
                Description = "A 422 ledger.rejected: each bad row (the file itself as row 1, column header) with its code (ledger.*), the cell's value and the values allowed where there is a list.",
            };
            problem.Required ??= new HashSet<string>();
            problem.Required.Add("code");
        }
    }

    /// <summary>"- `request.too_large` (413): …" for every code, grouped by where it is found.</summary>
    private static string Describe()
    {
        var text = new StringBuilder("Every code an answer of this API can carry.");
        foreach (var (kind, heading) in new[]
        {
            (ApiErrorKind.Problem, "A problem's own code (with its HTTP status):"),
            (ApiErrorKind.Field, "A field's code in fieldErrors (of a 400 request.invalid):"),
            (ApiErrorKind.Row, "A row's code in rows (of a 422 ledger.rejected):"),
        })
        {
            text.Append('\n').Append(heading).Append('\n');
            foreach (var code in ApiErrorCodes.All.Where(c => c.Kind == kind))
            {
                text.Append("- `").Append(code.Code).Append('`');
                if (kind == ApiErrorKind.Problem)
                {
                    text.Append(" (").Append(code.Status).Append(')');
                }

                text.Append(": ").Append(code.Description).Append('\n');
            }
        }

        return text.ToString().TrimEnd();
    }
}
