using ExecutionHub.Web.Features.Api;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ExecutionHub.Tests.Features.Api;

public sealed class OpenApiDocumentTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task The_document_lists_every_endpoint_with_the_api_key_scheme_and_validates_as_openapi_3()
    {
        using var client = host.Client(null);
        var json = await client.GetStringAsync("/openapi/v1.json");

        var result = OpenApiDocument.Parse(json, "json", new OpenApiReaderSettings());

        Assert.NotNull(result.Document);
        Assert.Empty(result.Diagnostic!.Errors);
        Assert.StartsWith("3.", result.Diagnostic.SpecificationVersion switch
        {
            OpenApiSpecVersion.OpenApi3_0 => "3.0",
            OpenApiSpecVersion.OpenApi3_1 => "3.1",
            var other => other.ToString(),
        }, StringComparison.Ordinal);
        var paths = result.Document!.Paths;
        Assert.Contains(HttpMethod.Post, paths["/api/v1/matters"].Operations!.Keys);
        Assert.Contains(HttpMethod.Get, paths["/api/v1/matters/{id}"].Operations!.Keys);
        Assert.Contains(HttpMethod.Get, paths["/api/v1/feedback"].Operations!.Keys);
        Assert.Contains(HttpMethod.Post, paths["/api/v1/cases/{caseNumber}/milestones"].Operations!.Keys);
        Assert.Contains(HttpMethod.Get, paths["/api/v1/statistics/headline"].Operations!.Keys);
        Assert.Contains(HttpMethod.Post, paths["/api/v1/imports/ledger"].Operations!.Keys);
        Assert.All(paths.Keys, path => Assert.StartsWith("/api/v1/", path, StringComparison.Ordinal));
        var scheme = result.Document.Components!.SecuritySchemes!["ApiKey"];
        Assert.Equal(SecuritySchemeType.ApiKey, scheme.Type);
        Assert.Equal("X-Api-Key", scheme.Name);
        Assert.NotNull(paths["/api/v1/matters"].Operations![HttpMethod.Post].RequestBody!.Content!["application/json"].Example);
        Assert.Contains("ApiMatter", result.Document.Components.Schemas!.Keys);
    }

    [Fact]
    public async Task The_document_describes_the_signed_matter_fed_back_webhook()
    {
        using var client = host.Client(null);
        var json = await client.GetStringAsync("/openapi/v1.json");

        var result = OpenApiDocument.Parse(json, "json", new OpenApiReaderSettings());

        Assert.Empty(result.Diagnostic!.Errors);
        var webhook = result.Document!.Webhooks!["matter.fed_back"].Operations![HttpMethod.Post];
        Assert.Equal(
            ["X-ExecutionHub-Signature", "X-ExecutionHub-Timestamp", "X-ExecutionHub-Event-Id", "X-ExecutionHub-Event"],
            webhook.Parameters!.Select(p => p.Name));
        Assert.Contains("HMAC-SHA256", webhook.Description, StringComparison.Ordinal);
        Assert.NotNull(webhook.RequestBody!.Content!["application/json"].Example);
    }

    [Fact]
    public async Task The_document_describes_the_409_naming_an_open_matter_and_the_allowDuplicate_property_with_examples()
    {
        using var client = host.Client(null);
        var json = await client.GetStringAsync("/openapi/v1.json");

        var result = OpenApiDocument.Parse(json, "json", new OpenApiReaderSettings());

        Assert.Empty(result.Diagnostic!.Errors);
        var refer = result.Document!.Paths["/api/v1/matters"].Operations![HttpMethod.Post];
        var conflict = refer.Responses!["409"].Content!["application/problem+json"].Example!;
        Assert.Equal("matter.open_duplicate", conflict["code"]!.GetValue<string>());
        Assert.True(conflict["existingMatterId"]!.GetValue<int>() > 0);
        Assert.Contains("allowDuplicate", refer.Description, StringComparison.Ordinal);
        var body = refer.RequestBody!.Content!["application/json"].Schema!;
        var properties = (body.Properties ?? result.Document.Components!.Schemas![nameof(Web.Features.Api.ReferMatterBody)].Properties)!;
        Assert.True(Assert.Single(properties["allowDuplicate"].Examples!)!.GetValue<bool>());
        Assert.False(string.IsNullOrWhiteSpace(properties["allowDuplicate"].Description));
        Assert.NotEmpty(properties["duplicateReason"].Examples!);
    }

    [Fact]
    public async Task The_document_describes_the_reference_lists_and_a_referrals_street_as_an_id_or_a_code()
    {
        using var client = host.Client(null);
        var json = await client.GetStringAsync("/openapi/v1.json");

        var result = OpenApiDocument.Parse(json, "json", new OpenApiReaderSettings());

        Assert.Empty(result.Diagnostic!.Errors);
        foreach (var path in new[] { "/api/v1/streets", "/api/v1/judges" })
        {
            var list = result.Document!.Paths[path].Operations![HttpMethod.Get];
            Assert.Contains("code", list.Description, StringComparison.Ordinal);
            Assert.NotNull(list.Responses!["200"].Content!["application/json"].Example);
        }

        var street = result.Document!.Components!.Schemas![nameof(ReferralCase)].Properties!["street"];
        Assert.True(street.Type!.Value.HasFlag(JsonSchemaType.Integer) && street.Type.Value.HasFlag(JsonSchemaType.String));
        Assert.Equal("310110002", Assert.Single(street.Examples!)!.GetValue<string>());
    }

    [Fact]
    public async Task The_interactive_reference_is_for_administrators_only()
    {
        using var client = host.Client(null);
        var response = await client.GetAsync("/admin/api-reference");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Each_headline_field_is_described_by_the_dashboards_own_definition_and_the_api_docs_say_the_same()
    {
        using var client = host.Client(null);
        var json = await client.GetStringAsync("/openapi/v1.json");

        var result = OpenApiDocument.Parse(json, "json", new OpenApiReaderSettings());

        var properties = result.Document!.Components!.Schemas!["ApiHeadlineFigures"].Properties!;
        var docs = File.ReadAllText(Path.Combine(ExecutionHub.Tests.Repository.RepositoryFiles.Root, "docs", "api.md"));
        Assert.All(HeadlineFields.All, f =>
        {
            var definition = HeadlineFields.Definition(f.Figure);
            Assert.False(string.IsNullOrWhiteSpace(definition));
            Assert.DoesNotContain("Figure.", definition, StringComparison.Ordinal);
            Assert.Equal(definition, properties[f.Field].Description);
            Assert.Contains($"| `{f.Field}` | {definition} |", docs, StringComparison.Ordinal);
        });
    }
}
