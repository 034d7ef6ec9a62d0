using System.Text.Json;
using System.Text.Json.Serialization;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters.Registration;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Api;

/// <summary>One error of a field of the request: its name as in the body (or the query), its code and why, in the caller's language.</summary>
/// <param name="Value">What the request gave, where it helps to see it again (a street or judge the court does not have).</param>
public sealed record ApiFieldError(
    string Field,
    string Code,
    string Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Value = null);

/// <summary>One error of a rejected ledger: the row in the file (the header is row 1), the column (<c>header</c> for the file as a whole), its code and why.</summary>
/// <param name="Value">The cell as read, when it was not empty.</param>
/// <param name="Allowed">The values the column takes here, where there is such a list (the street's communities by name and code, the outcomes a type allows, the columns).</param>
public sealed record ApiRowError(
    int Row,
    string Column,
    string Code,
    string Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Value = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Allowed = null);

/// <summary>
/// RFC 7807 answers for the API, each with its stable <c>code</c> (<see cref="ApiErrorCodes"/>), whose status it takes: what the
/// pipeline refuses becomes a status a client can act on — validation 400 with the fields named as in the request body, each
/// with a code of its own (<c>fieldErrors</c>), a refusal 403, an unknown id 404, a concurrent change 409, a referral
/// repeating an open matter 409 naming it, a domain rule 422 (an unknown street or judge 422 naming the field).
/// </summary>
public static class ApiProblems
{
    public static Task WriteAsync(HttpContext context, string code, int? status = null) =>
        Problem(code, status: status).ExecuteAsync(context);

    /// <param name="messageKey">The title's resource when it says more than the code's usual text (a domain rule's own words).</param>
    public static IResult Problem(
        string code, string? messageKey = null, int? status = null, string? detail = null, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var error = ApiErrorCodes.Get(code);
        return TypedResults.Problem(
            statusCode: status ?? error.Status,
            title: UiText.Get(messageKey ?? error.MessageKey),
            detail: detail,
            type: TypeOf(code),
            extensions: new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code });
    }

    public static string TypeOf(string code) => "https://executionhub.local/problems/" + code;

    /// <summary>409 naming the open matter a referral would repeat, so the client can link to it or resend with allowDuplicate.</summary>
    public static IResult Duplicate(DuplicateMatterException duplicate) => Problem(
        ApiErrorCodes.OpenDuplicate,
        extensions: new Dictionary<string, object?>
        {
            ["existingMatterId"] = duplicate.Existing.Id,
            ["existingReference"] = duplicate.Existing.Reference,
            ["existingHref"] = "/api/v1/matters/" + duplicate.Existing.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    /// <summary>The answer for an exception the pipeline or a handler threw, or null when it is a fault of ours.</summary>
    public static IResult? For(Exception exception) => exception switch
    {
        ValidationException validation => Validation(validation),
        RequestRefusedException refused => Problem(ApiErrorCodes.Forbidden, refused.MessageKey),
        NotFoundException => Problem(ApiErrorCodes.NotFound),
        DuplicateMatterException duplicate => Duplicate(duplicate),
        UnknownReferenceException unknown => UnknownReference(unknown),
        DomainRuleException rule => Problem(ApiErrorCodes.ForProblem(rule.MessageKey, ApiErrorCodes.RuleRefused), rule.MessageKey),
        DbUpdateConcurrencyException => Problem(ApiErrorCodes.Concurrency),
        _ => null,
    };

    /// <summary>
    /// 422 naming the field whose street or judge the court does not have, in the shape of a validation problem (<c>errors</c>
    /// and <c>fieldErrors</c> by field, the value given included), so a client reads it the same way.
    /// </summary>
    public static IResult UnknownReference(UnknownReferenceException unknown)
    {
        var code = ApiErrorCodes.ForProblem(unknown.MessageKey, ApiErrorCodes.RuleRefused);
        var reason = UiText.Get(unknown.MessageKey);
        return Problem(code, unknown.MessageKey, extensions: new Dictionary<string, object?>
        {
            ["errors"] = new Dictionary<string, string[]> { [unknown.Field] = [reason] },
            ["fieldErrors"] = new[] { new ApiFieldError(unknown.Field, code, reason, unknown.Value) },
        });
    }

    /// <param name="fieldOf">The request's field for a property, where the endpoint names it otherwise than a referral's body.</param>
    public static IResult Validation(ValidationException exception, Func<string, string>? fieldOf = null) => Validation(
        exception.Errors.Select(e => new ApiFieldError((fieldOf ?? ApiFieldNames.Of)(e.PropertyName), ApiErrorCodes.ForField(e.ErrorCode), e.ErrorMessage)).Distinct());

    /// <summary>400 <c>request.invalid</c>: <c>errors</c> by field (the framework's shape, texts only) and <c>fieldErrors</c>, each with its code.</summary>
    public static IResult Validation(IEnumerable<ApiFieldError> fieldErrors)
    {
        var list = fieldErrors.ToList();
        return TypedResults.ValidationProblem(
            list.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).Distinct().ToArray()),
            title: UiText.Get(ApiErrorCodes.Get(ApiErrorCodes.RequestInvalid).MessageKey),
            type: TypeOf(ApiErrorCodes.RequestInvalid),
            extensions: new Dictionary<string, object?> { ["code"] = ApiErrorCodes.RequestInvalid, ["fieldErrors"] = list });
    }

    /// <summary>400 for one field, with the code and text of <paramref name="messageKey"/> (a field code's key).</summary>
    public static IResult Invalid(string field, string messageKey) =>
        Validation([new ApiFieldError(field, ApiErrorCodes.ForField(messageKey), UiText.Get(messageKey))]);

    /// <summary>The body serialised as the API writes it (camelCase, enums as names), so a stored answer can be replayed byte for byte.</summary>
    public static readonly JsonSerializerOptions Json = CreateJsonOptions();

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        return options;
    }
}

/// <summary>Maps the mediator requests' property names onto the API body's field names.</summary>
public static class ApiFieldNames
{
    private static readonly Dictionary<string, string> Named = new(StringComparer.Ordinal)
    {
        ["TargetPartyId"] = "target.partyId",
        ["TargetKind"] = "target.kind",
        ["TargetName"] = "target.name",
        ["TargetIdentityNumber"] = "target.identityNumber",
        ["TargetPhone"] = "target.phone",
        ["TargetAddress"] = "target.address",
        ["Source"] = "type",
        ["StreetKey"] = "case.street",
        ["JudgeId"] = "case.judge",
    };

    private static readonly HashSet<string> DetailFields =
        typeof(MatterDetails).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    public static string Of(string propertyName)
    {
        if (Named.TryGetValue(propertyName, out var named))
        {
            return named;
        }

        var name = propertyName.StartsWith("Details.", StringComparison.Ordinal) ? propertyName["Details.".Length..] : propertyName;
        if (DetailFields.Contains(name))
        {
            return "details." + Camel(name);
        }

        return string.Join('.', propertyName.Split('.').Select(Camel));
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>Catches what the pipeline throws on an API endpoint and answers with problem details.</summary>
public sealed class ApiErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ApiProblems.For(ex) is not null)
        {
            return ApiProblems.For(ex);
        }
    }
}

/// <summary>
/// Reads a JSON body itself, so a malformed body or a value of the wrong kind (an unknown matter
/// type, a date that is not a date) is a 400 naming the field, like any other validation error,
/// and a body over <see cref="MaxBytes"/> is a 413 read no further.
/// </summary>
public static class ApiBody
{
    /// <summary>A referral or a milestone is a few kilobytes; a megabyte leaves room for long texts and nothing more.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <param name="closed">
    /// Objects of the body (by their field name on the root) whose fields are exactly those of a type: an unknown field in
    /// them is a 400 naming it (a referral's <c>details</c>), where elsewhere an unknown field is ignored.
    /// </param>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken, params (string Field, Type Type)[] closed)
        where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            body.Write(chunk, 0, read);
            if (body.Length > MaxBytes)
            {
                return (null, TooLarge());
            }
        }

        body.Position = 0;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(body, ApiProblems.Json, cancellationToken);
            if (value is null)
            {
                return (null, ApiProblems.Invalid("", "Api.BodyRequired"));
            }

            return UnknownField(body, closed) is { } unknown ? (null, ApiProblems.Invalid(unknown, "Api.UnknownField")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.Invalid(FieldOf(ex.Path), "Api.BodyUnreadable"));
        }
    }

    /// <summary>The first field of a closed object that its type does not have, as "details.colour", or null.</summary>
    private static string? UnknownField(MemoryStream body, (string Field, Type Type)[] closed)
    {
        if (closed.Length == 0)
        {
            return null;
        }

        body.Position = 0;
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var (field, type) in closed)
        {
            // Names match as the serializer matches them (the web defaults: case-insensitive).
            var known = type.GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var member in document.RootElement.EnumerateObject().Where(m => m.Name.Equals(field, StringComparison.OrdinalIgnoreCase) && m.Value.ValueKind == JsonValueKind.Object))
            {
                foreach (var property in member.Value.EnumerateObject())
                {
                    if (!known.Contains(property.Name))
                    {
                        return field + "." + property.Name;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>413 problem+json naming the largest body the endpoint reads (a JSON body's by default).</summary>
    public static IResult TooLarge(long maxBytes = MaxBytes) => ApiProblems.Problem(
        ApiErrorCodes.RequestTooLarge, extensions: new Dictionary<string, object?> { ["maxBytes"] = maxBytes });

    private static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "" : jsonPath.TrimStart('$', '.');
}
