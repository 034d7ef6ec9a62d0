using System.Text.Json.Nodes;
using ExecutionHub.Web.Infrastructure;
using ExecutionHub.Web.Startup;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace ExecutionHub.Web.Features.Api;

/// <summary>
/// The OpenAPI 3 document at <c>/openapi/v1.json</c> (the API only, with the <c>X-Api-Key</c> scheme
/// and an example for each body), and the interactive reference for administrators at
/// <c>/admin/api-reference</c>.
/// </summary>
public static class ApiOpenApi
{
    public const string DocumentName = "v1";
    public const string ReferencePath = "/admin/api-reference";

    public static IServiceCollection AddExecutionHubOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "ExecutionHub API",
                    Version = "v1",
                    Description = "Refer matters to the court execution affairs workstation, follow their 72-hour clock, take the feedback, record case milestones and read the headline figures. Authenticate with the X-Api-Key header; errors are RFC 7807 problem details, each with a stable code (the ErrorCode schema lists them all) and a title in the language of Accept-Language (zh-CN by default, or en). Times are UTC (ISO 8601); days (from, to, occurredOn) are Asia/Shanghai.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeys.HeaderName,
                    Description = "The client's key, shown once when an administrator registers or rotates the client.",
                };
                document.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [] },
                ];
                Webhooks.WebhookOpenApi.AddWebhooks(document);
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer(ApiErrorsOpenApi.TransformAsync);
            options.AddDocumentTransformer(OpenApiForClientGenerators.TransformAsync);
            options.AddOperationTransformer((operation, _, _) =>
            {
                if (Examples.TryGetValue(operation.OperationId ?? "", out var example))
                {
                    if (example.Request is { } request && operation.RequestBody?.Content is { } content)
                    {
                        foreach (var media in content.Values)
                        {
                            media.Example = JsonNode.Parse(request);
                        }
                    }

                    foreach (var (status, body) in example.Responses)
                    {
                        if (operation.Responses is { } responses
                            && responses.TryGetValue(status, out var response)
                            && response.Content is { } responseContent)
                        {
                            foreach (var media in responseContent.Values)
                            {
                                media.Example = JsonNode.Parse(body);
                            }
                        }
                    }
                }

                if (operation.OperationId == "ReferMatter")
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = IdempotencyStore.HeaderName,
                        In = ParameterLocation.Header,
                        Required = false,
                        Description = "Up to 100 characters, unique per request you mean once; a retry with the same key and body returns the first answer.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyStore.MaxKeyLength },
                    });
                }

                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonTypeInfo.Type == typeof(ApiHeadlineFigures) && schema.Properties is { } figures)
                {
                    foreach (var (field, figure) in HeadlineFields.All)
                    {
                        if (figures.TryGetValue(field, out var property) && property is OpenApiSchema described)
                        {
                            described.Description = HeadlineFields.Definition(figure);
                        }
                    }
                }

                if (context.JsonTypeInfo.Type == typeof(ReferMatterBody) && schema.Properties is { } properties)
                {
                    Describe(properties, "allowDuplicate", JsonValue.Create(true),
                        "Refer although an open matter of the same type exists for the same respondent on the case (without it: 409 naming that matter).");
                    Describe(properties, "duplicateReason", JsonValue.Create("原事项核查的是旧住址，法院掌握了新的居住线索"),
                        "Optional, up to 500 characters: why another matter is needed, written on the new matter's timeline.");
                }

                if (context.JsonTypeInfo.Type == typeof(SaveCaseBody) && schema.Properties is { } savedCase
                    && savedCase.TryGetValue("street", out var caseStreet) && caseStreet is OpenApiSchema caseStreetSchema)
                {
                    // Read by IdOrCodeJsonConverter, as a referral's case.street.
                    caseStreetSchema.Type = JsonSchemaType.Integer | JsonSchemaType.String | JsonSchemaType.Null;
                }

                if (context.JsonTypeInfo.Type == typeof(ReferralCase) && schema.Properties is { } referralCase)
                {
                    if (referralCase.TryGetValue("street", out var street) && street is OpenApiSchema streetSchema)
                    {
                        // Read by IdOrCodeJsonConverter: an id as a number, or a code (or an id) as a string.
                        streetSchema.Type = JsonSchemaType.Integer | JsonSchemaType.String | JsonSchemaType.Null;
                    }

                    Describe(referralCase, "street", JsonValue.Create("310110002"),
                        "A street code of the client's court (GET /api/v1/streets) or a street id, as a number or a string; an id may name another court's street (an entrustment), a code only the client's own court's.");
                    Describe(referralCase, "judge", JsonValue.Create("011021"),
                        "An active judge of the client's court by id, staff number or user name (GET /api/v1/judges).");
                }

                return Task.CompletedTask;
            });
        });

    private static void Describe(IDictionary<string, IOpenApiSchema> properties, string name, JsonNode example, string description)
    {
        if (properties.TryGetValue(name, out var property) && property is OpenApiSchema schema)
        {
            schema.Examples = [example];
            schema.Description = description;
        }
    }

    public static WebApplication MapExecutionHubOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference(ReferencePath, options => options
                .WithTitle("ExecutionHub API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .RequireAuthorization(WebServices.AdministratorPolicy)
            .WithSecurityHeadersPolicy(Infrastructure.Hosting.WebSecurity.ApiReferencePolicy);
        return app;
    }

    /// <summary>An operation's request example and its answers' examples by status.</summary>
    private sealed record Example(string? Request, params (string Status, string Response)[] Responses);

    private static readonly Dictionary<string, Example> Examples = new(StringComparer.Ordinal)
    {
        ["ReferMatter"] = new(
            """
            {"caseNumber":"(2025)沪0110执1234号","type":"DebtorWhereabouts","request":"请核实被执行人现住址及日常作息规律","clientReference":"FY-2026-000123",
             "target":{"kind":"Person","name":"张三","identityNumber":"310110198001011234","phone":"13800138000","address":"平凉路100弄3号"},
             "details":{"lastKnownAddresses":"平凉路100弄3号；控江路200号","courtAlreadyTried":"两次上门未遇"}}
            """,
            ("201", """{"id":4211,"href":"/api/v1/matters/4211"}"""),
            ("409",
            """
            {"type":"https://executionhub.local/problems/matter.open_duplicate","title":"该案件中同一被执行人已有同类在办事项；如确需再次登记，请确认并说明原因。","status":409,
             "code":"matter.open_duplicate","existingMatterId":4211,"existingReference":"ZX-2026-00081","existingHref":"/api/v1/matters/4211"}
            """)),
        ["GetMatter"] = new(
            null,
            ("200",
            """
            {"id":4211,"reference":"ZX-2026-00081","clientReference":"FY-2026-000123","caseNumber":"(2025)沪0110执1234号","type":"DebtorWhereabouts",
             "source":"CourtExOfficio","status":"FedBack","receivedAtUtc":"2026-11-25T02:00:00Z",
             "clock":{"dueAtUtc":"2026-11-28T02:00:00Z","hoursLeft":30.5,"isOverdue":false,"hoursOverdue":null,"isPaused":false,"pausedAtUtc":null,"isStopped":true,"feedbackCycleHours":41.5},
             "target":{"kind":"Person","name":"张*","identityNumber":"3101**********1234"},
             "tasks":[{"id":9001,"status":"Accepted","assignedAtUtc":"2026-11-25T03:00:00Z","dueAtUtc":"2026-11-27T03:00:00Z","submittedAtUtc":"2026-11-26T01:10:00Z"}],
             "feedback":{"text":"被执行人现居平凉路100弄3号，每日7时前在家。","outcome":"Found","fedBackAtUtc":"2026-11-26T19:30:00Z","acknowledgedAtUtc":null}}
            """)),
        ["ListFeedback"] = new(
            null,
            ("200",
            """
            {"items":[{"matterId":4211,"reference":"ZX-2026-00081","clientReference":"FY-2026-000123","caseNumber":"(2025)沪0110执1234号","type":"DebtorWhereabouts",
             "source":"CourtExOfficio","status":"FedBack","fedBackAtUtc":"2026-11-26T19:30:00Z","outcome":"Found","feedback":"被执行人现居平凉路100弄3号，每日7时前在家。"}],
             "nextCursor":"ZjE6MTIzNDU","hasMore":false}
            """)),
        ["SaveCase"] = new(
            """
            {"caseNumber":"(2025)沪0110执1234号","street":"310110002","judge":"011021","cause":"民间借贷纠纷","industry":"金融","amountOwed":120000,"filedOn":"2025-03-12",
             "parties":[{"role":"Applicant","kind":"Organisation","name":"上海某小额贷款有限公司","identityNumber":"91310000MA1FL4CT3U"},
                        {"role":"Respondent","kind":"Person","name":"张三","identityNumber":"11010519491231002X","phones":["13800138000"],"addresses":["平凉路100弄3号"]}]}
            """,
            ("201", """{"id":812,"caseNumber":"(2025)沪0110执1234号","created":true,"href":"/api/v1/cases/%282025%29%E6%B2%AA0110%E6%89%A71234%E5%8F%B7"}""")),
        ["GetCase"] = new(
            null,
            ("200",
            """
            {"id":812,"caseNumber":"(2025)沪0110执1234号","cause":"民间借贷纠纷","industry":"金融","amountOwed":120000,"amountRecovered":0,"status":"InExecution","filedOn":"2025-03-12",
             "judge":{"id":"3f0c2a4e-8d1b-4c55-9a57-2f6e0b1d7c31","code":"011021","name":"王振华"},"street":{"id":1,"code":"310110002","name":"平凉路街道"},
             "parties":[{"id":1201,"role":"Applicant","kind":"Organisation","name":"上海某小额贷款有限公司","identityNumber":"913100********CT3U"},
                        {"id":1202,"role":"Respondent","kind":"Person","name":"张*","identityNumber":"110105********002X"}],
             "matters":[{"id":4211,"reference":"ZX-2026-00081","type":"DebtorWhereabouts","status":"Received","receivedAtUtc":"2026-11-25T02:00:00Z","href":"/api/v1/matters/4211"}]}
            """)),
        ["RecordMilestone"] = new(
            """{"kind":"PaymentReceived","occurredOn":"2026-11-26","amount":10000,"note":"被执行人当场履行"}""",
            ("201", """{"id":310,"caseNumber":"(2025)沪0110执1234号"}""")),
        ["ListStreets"] = new(
            null,
            ("200",
            """
            [{"id":1,"code":"310110002","name":"平凉路街道",
              "communities":[{"id":1,"code":"310110002001","name":"平凉一居委"},{"id":2,"code":"310110002002","name":"河间路居委"}],
              "grids":[{"id":1,"name":"平凉一居委第1网格","community":1},{"id":2,"name":"平凉一居委第2网格","community":1}]},
             {"id":2,"code":null,"name":"新设街道","communities":[],"grids":[]}]
            """)),
        ["ListJudges"] = new(
            null,
            ("200", """[{"id":"3f0c2a4e-8d1b-4c55-9a57-2f6e0b1d7c31","code":"011021","name":"王振华"},{"id":"c41e7f02-5b9a-4e3d-8f16-0a2d9c4b6e85","code":"judge.li","name":"李晓梅"}]""")),
        ["ImportLedger"] = new(
            null,
            ("422",
            """
            {"type":"https://executionhub.local/problems/ledger.rejected","title":"The ledger has bad rows; nothing was imported.","status":422,"code":"ledger.rejected",
             "importStatus":"rejected","rowsRead":69,
             "rows":[{"row":5,"column":"community","code":"ledger.unknown_community","reason":"平凉路街道 has no community named or coded “长阳居委”. Its communities: 河间路居委, 平凉一居委.",
                      "value":"长阳居委","allowed":["河间路居委","平凉一居委","310110002001","310110002002"]},
                     {"row":9,"column":"received_at","code":"ledger.time_in_future","reason":"The time cannot be in the future.","value":"2099-01-01 09:00"}]}
            """)),
        ["GetHeadlineFigures"] = new(
            null,
            ("200", """{"whereaboutsVerified":13,"assetCluesVerified":42,"averageFeedbackCycleHours":61.25,"onTimeRate":0.9455,"open":18,"dueSoon":3,"overdue":1}""")),
    };
}
