using System.Text.Json;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters.Registration;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Api;

/// <summary>
/// RFC 7807 answers for the API: what the pipeline refuses becomes a status a client can act on —
/// validation 400 with the fields named as in the request body, a refusal 403, an unknown id 404,
/// a concurrent change 409, a referral repeating an open matter 409 naming it, a domain rule 422 (an unknown street,
/// community or judge 422 naming the field).
/// </summary>
public static class ApiProblems
{
    public static Task WriteAsync(HttpContext context, int status, string messageKey) =>
        Problem(status, messageKey).ExecuteAsync(context);

    public static IResult Problem(int status, string messageKey, string? detail = null, IReadOnlyDictionary<string, object?>? extensions = null) => TypedResults.Problem(
        statusCode: status,
        title: UiText.Get(messageKey),
        detail: detail,
        type: $"https://executionhub.local/problems/{messageKey}",
        extensions: new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = messageKey });

    /// <summary>409 naming the open matter a referral would repeat, so the client can link to it or resend with allowDuplicate.</summary>
    public static IResult Duplicate(DuplicateMatterException duplicate) => Problem(
        StatusCodes.Status409Conflict,
        duplicate.MessageKey,
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
        RequestRefusedException refused => Problem(StatusCodes.Status403Forbidden, refused.MessageKey),
        NotFoundException => Problem(StatusCodes.Status404NotFound, "Api.NotFound"),
        DuplicateMatterException duplicate => Duplicate(duplicate),
        UnknownReferenceException unknown => UnknownReference(unknown),
        DomainRuleException rule => Problem(StatusCodes.Status422UnprocessableEntity, rule.MessageKey),
        DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "Error.Concurrency"),
        _ => null,
    };

    /// <summary>
    /// 422 naming the field whose street, community or judge the court does not have, in the shape of a validation
    /// problem (<c>errors</c> by field), so a client reads it the same way.
    /// </summary>
    public static IResult UnknownReference(UnknownReferenceException unknown) => Problem(
        StatusCodes.Status422UnprocessableEntity,
        unknown.MessageKey,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [unknown.Field] = [UiText.Get(unknown.MessageKey)] } });

    public static IResult Validation(ValidationException exception) => Validation(
        exception.Errors.GroupBy(e => ApiFieldNames.Of(e.PropertyName)).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));

    public static IResult Validation(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors,
        title: UiText.Get("Api.ValidationFailed"),
        type: "https://executionhub.local/problems/Api.ValidationFailed");

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
                return (null, Invalid("", UiText.Get("Api.BodyRequired")));
            }

            return UnknownField(body, closed) is { } unknown ? (null, Invalid(unknown, UiText.Get("Api.UnknownField"))) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Invalid(FieldOf(ex.Path), UiText.Get("Api.BodyUnreadable")));
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
        StatusCodes.Status413PayloadTooLarge, "Api.BodyTooLarge", extensions: new Dictionary<string, object?> { ["maxBytes"] = maxBytes });

    private static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "" : jsonPath.TrimStart('$', '.');

    private static IResult Invalid(string field, string message) =>
        ApiProblems.Validation(new Dictionary<string, string[]> { [field] = [message] });
}
