using System.Text.Json.Nodes;

namespace ExecutionHub.ApiClientTests;

/// <summary>
/// The client is generated from the committed <c>openapi.json</c>; this holds that file equal to what the app serves,
/// so the client and the tests written against it break when the document changes unnoticed.
/// </summary>
public sealed class OpenApiDocumentTests(IntegrationApp app) : IClassFixture<IntegrationApp>
{
    public const string UpdateVariable = "EXECUTIONHUB_UPDATE_OPENAPI";

    [Fact]
    public async Task The_committed_document_the_client_is_generated_from_is_the_one_the_app_serves()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var served = Comparable(await http.GetStringAsync("/openapi/v1.json"));
        var file = Path.Combine(ProjectFolder(), "openapi.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(file, served);
        }

        Assert.True(
            served == Comparable(await File.ReadAllTextAsync(file)),
            $"tests/ExecutionHub.ApiClientTests/openapi.json differs from the app's /openapi/v1.json: rerun this test with {UpdateVariable}=1 to rewrite it, then rebuild to regenerate the client");
    }

    /// <summary>The document without its servers (the test host's port), indented as committed.</summary>
    private static string Comparable(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        document.Remove("servers");
        return document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static string ProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ExecutionHub.ApiClientTests.csproj")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The test project's folder is not above " + AppContext.BaseDirectory);
    }
}
