using System.Text.RegularExpressions;
using ExecutionHub.Web.Infrastructure.Localization;

namespace ExecutionHub.Web.Features.Api;

/// <summary>Where a code is found in an answer: a problem's own <c>code</c>, an item of its <c>fieldErrors</c>, or of a rejected ledger's <c>rows</c>.</summary>
public enum ApiErrorKind
{
    Problem,
    Field,
    Row,
}

/// <summary>
/// One stable error code. <see cref="MessageKeys"/> are the resources whose refusals carry it: the first is its usual text
/// (a problem's title; its English text describes the code in the OpenAPI document), the others say the same of other
/// requests (the ledger's street and a referral's <c>case.street</c>).
/// </summary>
public sealed class ApiErrorCode(string code, ApiErrorKind kind, int status, params string[] messageKeys)
{
    public string Code { get; } = code;

    public ApiErrorKind Kind { get; } = kind;

    /// <summary>The HTTP status of a problem with this code; for a field or row, the status of the problem that carries it.</summary>
    public int Status { get; } = status;

    public IReadOnlyList<string> MessageKeys { get; } = messageKeys;

    public string MessageKey => MessageKeys[0];

    /// <summary>The English text, its placeholders shown as "…": what the code means, for the document and the docs.</summary>
    public string Description => Placeholder.Replace(UiText.Get(MessageKey, System.Globalization.CultureInfo.GetCultureInfo(Cultures.English)), "…");

    private static readonly Regex Placeholder = new(@"\{[^}]+\}", RegexOptions.Compiled);
}

/// <summary>
/// Every code the API refuses with, in one place: lowercase and dotted, stable whatever the wording of the message (which
/// follows <c>Accept-Language</c>), so a client switches on the code and shows the text. A resource key never leaves the
/// server as a code; this catalogue maps the keys the pipeline, the handlers and the ledger's rules refuse with onto codes.
/// </summary>
public static class ApiErrorCodes
{
    public const string RequestTooLarge = "request.too_large";
    public const string RequestUnreadable = "request.unreadable";
    public const string RequestInvalid = "request.invalid";
    public const string MethodNotAllowed = "request.method_not_allowed";
    public const string Unauthenticated = "auth.unauthenticated";
    public const string MissingScope = "auth.missing_scope";
    public const string Forbidden = "auth.forbidden";
    public const string NotFound = "resource.not_found";
    public const string CaseNotFound = "case.not_found";
    public const string Concurrency = "concurrency.conflict";
    public const string OpenDuplicate = "matter.open_duplicate";
    public const string IdempotencyKeyTooLong = "idempotency.key_too_long";
    public const string IdempotencyKeyReused = "idempotency.key_reused";
    public const string IdempotencyInProgress = "idempotency.in_progress";
    public const string RateLimited = "rate.limited";
    public const string CursorInvalid = "cursor.invalid";
    public const string UnknownStreet = "reference.unknown_street";
    public const string UnknownJudge = "reference.unknown_judge";
    public const string RuleRefused = "rule.refused";
    public const string LedgerRejected = "ledger.rejected";

    public const string FieldRequired = "field.required";
    public const string FieldTooLong = "field.too_long";
    public const string FieldLength = "field.length";
    public const string FieldOutOfRange = "field.out_of_range";
    public const string FieldUnknownValue = "field.unknown_value";
    public const string FieldInvalid = "field.invalid";
    public const string FieldUnreadable = "field.unreadable";
    public const string FieldUnknown = "field.unknown";

    public const string LedgerRowInvalid = "ledger.row_invalid";

    public static readonly IReadOnlyList<ApiErrorCode> All =
    [
        new(RequestTooLarge, ApiErrorKind.Problem, StatusCodes.Status413PayloadTooLarge, "Api.BodyTooLarge"),
        new(RequestUnreadable, ApiErrorKind.Problem, StatusCodes.Status400BadRequest, "Api.RequestUnreadable"),
        new(RequestInvalid, ApiErrorKind.Problem, StatusCodes.Status400BadRequest, "Api.ValidationFailed"),
        new(MethodNotAllowed, ApiErrorKind.Problem, StatusCodes.Status405MethodNotAllowed, "Api.MethodNotAllowed"),
        new(CursorInvalid, ApiErrorKind.Problem, StatusCodes.Status400BadRequest, "Api.BadCursor"),
        new(IdempotencyKeyTooLong, ApiErrorKind.Problem, StatusCodes.Status400BadRequest, "Api.IdempotencyKeyTooLong"),
        new(Unauthenticated, ApiErrorKind.Problem, StatusCodes.Status401Unauthorized, "Api.Unauthorized"),
        new(MissingScope, ApiErrorKind.Problem, StatusCodes.Status403Forbidden, "Api.MissingScope"),
        new(Forbidden, ApiErrorKind.Problem, StatusCodes.Status403Forbidden, "Error.NotAllowed"),
        new(NotFound, ApiErrorKind.Problem, StatusCodes.Status404NotFound, "Api.NotFound"),
        new(CaseNotFound, ApiErrorKind.Problem, StatusCodes.Status404NotFound, "Api.CaseNotFound"),
        new(OpenDuplicate, ApiErrorKind.Problem, StatusCodes.Status409Conflict, "Rule.Matter.OpenDuplicate"),
        new(Concurrency, ApiErrorKind.Problem, StatusCodes.Status409Conflict, "Error.Concurrency"),
        new(IdempotencyInProgress, ApiErrorKind.Problem, StatusCodes.Status409Conflict, "Api.IdempotencyInProgress"),
        new("ledger.concurrent_import", ApiErrorKind.Problem, StatusCodes.Status409Conflict, "Import.Error.Concurrent"),
        new(IdempotencyKeyReused, ApiErrorKind.Problem, StatusCodes.Status422UnprocessableEntity, "Api.IdempotencyKeyReused"),
        new(UnknownStreet, ApiErrorKind.Problem, StatusCodes.Status422UnprocessableEntity, "Api.StreetUnknown", "Rule.Api.StreetUnknown", "Api.Case.StreetUnknown"),
        new(UnknownJudge, ApiErrorKind.Problem, StatusCodes.Status422UnprocessableEntity, "Rule.Api.JudgeUnknown", "Import.Error.JudgeNotInCourt", "Api.Case.JudgeUnknown"),
        new("case.other_court", ApiErrorKind.Problem, StatusCodes.Status422UnprocessableEntity, "Rule.Api.CaseNumberOfAnotherCourt"),
        new("case.unknown", ApiErrorKind.Problem, StatusCodes.Status422UnprocessableEntity, "Rule.Api.CaseUnknown"),
        new("case.number_taken", ApiErrorKind.Problem, StatusCodes.Status422UnprocessableEntity, "Rule.Api.CaseNumberTaken"),
        new("case.incomplete", ApiErrorKind.Problem, StatusCodes.Status422UnprocessableEntity, "Rule.Api.NewCaseIncomplete", "Api.Case.Incomplete"),
        new("case.street_fixed", ApiErrorKind.Problem, StatusCodes.Status422UnprocessableEntity, "Api.Case.StreetFixed"),
        new("case.closed", ApiErrorKind.Problem, StatusCodes.Status422UnprocessableEntity, "Milestone.CaseClosed"),
        new("matter.entrusted_from_own_court", ApiErrorKind.Problem, StatusCodes.Status422UnprocessableEntity, "Rule.Api.EntrustedFromOwnCourt"),
        new(RuleRefused, ApiErrorKind.Problem, StatusCodes.Status422UnprocessableEntity, "Api.RuleRefused"),
        new(LedgerRejected, ApiErrorKind.Problem, StatusCodes.Status422UnprocessableEntity, "Api.LedgerRejected"),
        new(RateLimited, ApiErrorKind.Problem, StatusCodes.Status429TooManyRequests, "Api.RateLimited"),

        new(FieldRequired, ApiErrorKind.Field, StatusCodes.Status400BadRequest, "Api.Field.Required", "Api.BodyRequired", "Api.StreetRequired"),
        new(FieldTooLong, ApiErrorKind.Field, StatusCodes.Status400BadRequest, "Api.Field.TooLong"),
        new(FieldLength, ApiErrorKind.Field, StatusCodes.Status400BadRequest, "Api.Field.Length"),
        new(FieldOutOfRange, ApiErrorKind.Field, StatusCodes.Status400BadRequest, "Api.Field.OutOfRange"),
        new(FieldUnknownValue, ApiErrorKind.Field, StatusCodes.Status400BadRequest, "Api.Field.UnknownValue"),
        new(FieldInvalid, ApiErrorKind.Field, StatusCodes.Status400BadRequest, "Api.Field.Invalid"),
        new(FieldUnreadable, ApiErrorKind.Field, StatusCodes.Status400BadRequest, "Api.BodyUnreadable"),
        new(FieldUnknown, ApiErrorKind.Field, StatusCodes.Status400BadRequest, "Api.UnknownField"),

        // The file as a whole (column "header").
        new("ledger.empty", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.EmptyFile"),
        new("ledger.unreadable", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.Unreadable"),
        new("ledger.header_invalid", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.Header"),
        new("ledger.no_rows", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.NoRows"),
        new("ledger.too_many_rows", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.TooManyRows"),

        // One cell.
        new("ledger.value_required", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.Required"),
        new("ledger.case_number_invalid", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Validation.CaseNumber"),
        new("ledger.unknown_value", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.UnknownValue"),
        new("ledger.source_not_for_type", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Validation.EntrustedNeedsEntrustment"),
        new("ledger.street_mismatch", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.StreetNotYours"),
        new("ledger.unknown_community", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.UnknownCommunity", "Import.Error.UnknownCommunityNone"),
        new("ledger.too_long", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.TooLong"),
        new("ledger.id_number_invalid", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.IdNumber"),
        new("ledger.time_invalid", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.BadTime"),
        new("ledger.time_in_future", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.FutureTime"),
        new("ledger.step_missing", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.StepMissing"),
        new("ledger.time_order", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.StepBefore"),
        new("ledger.outcome_without_feedback", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.OutcomeWithoutFeedback"),
        new("ledger.outcome_required", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.OutcomeRequired"),
        new("ledger.outcome_not_for_type", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.OutcomeNotForType"),
        new("ledger.case_other_street", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.CaseOtherStreet"),
        new("ledger.unknown_judge", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.UnknownJudge"),
        new("ledger.judge_required", ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Import.Error.NewCaseNeedsJudge"),
        new(LedgerRowInvalid, ApiErrorKind.Row, StatusCodes.Status422UnprocessableEntity, "Api.Row.Invalid"),
    ];

    private static readonly Dictionary<string, ApiErrorCode> ByCode = All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    private static readonly Dictionary<(ApiErrorKind, string), ApiErrorCode> ByMessageKey =
        All.SelectMany(c => c.MessageKeys.Select(key => (Key: (c.Kind, key), Code: c))).ToDictionary(x => x.Key, x => x.Code);

    /// <summary>FluentValidation's validators (a failure's <c>ErrorCode</c>) by the field code they refuse with.</summary>
    private static readonly Dictionary<string, string> ByValidator = new(StringComparer.Ordinal)
    {
        ["NotEmptyValidator"] = FieldRequired,
        ["NotNullValidator"] = FieldRequired,
        ["MaximumLengthValidator"] = FieldTooLong,
        ["MinimumLengthValidator"] = FieldLength,
        ["LengthValidator"] = FieldLength,
        ["ExactLengthValidator"] = FieldLength,
        ["InclusiveBetweenValidator"] = FieldOutOfRange,
        ["ExclusiveBetweenValidator"] = FieldOutOfRange,
        ["GreaterThanValidator"] = FieldOutOfRange,
        ["GreaterThanOrEqualValidator"] = FieldOutOfRange,
        ["LessThanValidator"] = FieldOutOfRange,
        ["LessThanOrEqualValidator"] = FieldOutOfRange,
        ["EnumValidator"] = FieldUnknownValue,
        ["StringEnumValidator"] = FieldUnknownValue,
    };

    public static ApiErrorCode Get(string code) =>
        ByCode.TryGetValue(code, out var error) ? error : throw new ArgumentException($"{code} is not in the catalogue", nameof(code));

    /// <summary>The problem code of a refusal the pipeline or a handler made with <paramref name="messageKey"/>, or <paramref name="fallback"/>.</summary>
    public static string ForProblem(string messageKey, string fallback) => Find(ApiErrorKind.Problem, messageKey) ?? fallback;

    /// <summary>The code of a ledger row's error made with <paramref name="messageKey"/>; <see cref="LedgerRowInvalid"/> for a rule not listed.</summary>
    public static string ForRow(string messageKey) => Find(ApiErrorKind.Row, messageKey) ?? LedgerRowInvalid;

    /// <summary>The code of a field's validation failure, by its validator's <c>ErrorCode</c> (or a field message key); <see cref="FieldInvalid"/> for a rule of its own.</summary>
    public static string ForField(string? errorCode) =>
        errorCode is null ? FieldInvalid
        : ByValidator.TryGetValue(errorCode, out var code) ? code
        : Find(ApiErrorKind.Field, errorCode) ?? FieldInvalid;

    private static string? Find(ApiErrorKind kind, string messageKey) =>
        ByMessageKey.TryGetValue((kind, messageKey), out var error) ? error.Code : null;
}
