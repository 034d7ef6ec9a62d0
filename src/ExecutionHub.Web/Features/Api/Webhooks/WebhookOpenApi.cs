using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ExecutionHub.Web.Features.Api.Webhooks;

/// <summary>The OpenAPI 3.1 <c>webhooks</c> entry: what ExecutionHub POSTs to a client's webhook URL.</summary>
public static class WebhookOpenApi
{
    public static void AddWebhooks(OpenApiDocument document)
    {
        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        document.Webhooks[WebhookEvents.MatterFedBack] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Post] = new OpenApiOperation
                {
                    OperationId = "MatterFedBackWebhook",
                    Summary = "A matter your client referred was fed back",
                    Description = "Sent to the client's webhook URL (set by an administrator) each time one of its matters is fed back. "
                        + "Verify X-ExecutionHub-Signature: sha256= followed by the lower-case hex HMAC-SHA256 of the UTF-8 string "
                        + "\"{X-ExecutionHub-Timestamp}.{raw body}\", keyed with the UTF-8 bytes of the client's whole signing secret (whsec_…); "
                        + "compare in constant time and refuse timestamps older than 5 minutes. Answer any 2xx within 10 seconds; "
                        + "anything else is retried with exponential backoff (30 s, 1 min, 2 min…, 6 tries). Deliveries are at least once: "
                        + "drop repeats by X-ExecutionHub-Event-Id. The feedback is the matter's as it stands when the event is sent.",
                    Parameters =
                    [
                        Header(WebhookSigning.SignatureHeader, "sha256=<hex HMAC-SHA256 of timestamp + \".\" + body>"),
                        Header(WebhookSigning.TimestampHeader, "Unix seconds when the request was signed."),
                        Header(WebhookSigning.EventIdHeader, "The event id, the same on every retry of the event."),
                        Header(WebhookSigning.EventTypeHeader, "The event type: matter.fed_back."),
                    ],
                    RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["application/json"] = new OpenApiMediaType
                            {
                                Schema = PayloadSchema(),
                                Example = JsonNode.Parse(
                                    """
                                    {"id":"6f1c2a9e-3d4b-4c55-9a0e-2b7f1d8c4e21","type":"matter.fed_back","occurredAtUtc":"2026-11-26T19:30:00Z",
                                     "data":{"matterId":4211,"reference":"ZX-2026-00081","clientReference":"FY-2026-000123","caseNumber":"(2025)沪0110执1234号","status":"FedBack",
                                      "feedback":{"text":"被执行人现居平凉路100弄3号，每日7时前在家。","outcome":"Found","fedBackAtUtc":"2026-11-26T19:30:00Z","acknowledgedAtUtc":null}}}
                                    """),
                            },
                        },
                    },
                    Responses = new OpenApiResponses
                    {
                        ["2XX"] = new OpenApiResponse { Description = "Received; any other answer or no answer within 10 seconds is retried." },
                    },
                },
            },
        };
    }

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = true,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiSchema PayloadSchema()
    {
        static OpenApiSchema Of(JsonSchemaType type, string? format = null) => new() { Type = type, Format = format };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "id", "type", "occurredAtUtc", "data" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["id"] = Of(JsonSchemaType.String, "uuid"),
                ["type"] = Of(JsonSchemaType.String),
                ["occurredAtUtc"] = Of(JsonSchemaType.String, "date-time"),
                ["data"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["matterId"] = Of(JsonSchemaType.Integer, "int32"),
                        ["reference"] = Of(JsonSchemaType.String),
                        ["clientReference"] = Of(JsonSchemaType.String | JsonSchemaType.Null),
                        ["caseNumber"] = Of(JsonSchemaType.String),
                        ["status"] = Of(JsonSchemaType.String),
                        ["feedback"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object | JsonSchemaType.Null,
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                ["text"] = Of(JsonSchemaType.String),
                                ["outcome"] = Of(JsonSchemaType.String | JsonSchemaType.Null),
                                ["fedBackAtUtc"] = Of(JsonSchemaType.String, "date-time"),
                                ["acknowledgedAtUtc"] = Of(JsonSchemaType.String | JsonSchemaType.Null, "date-time"),
                            },
                        },
                    },
                },
            },
        };
    }
}
