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
    public async Task The_interactive_reference_is_for_administrators_only()
    {
        using var client = host.Client(null);
        var response = await client.GetAsync("/admin/api-reference");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
