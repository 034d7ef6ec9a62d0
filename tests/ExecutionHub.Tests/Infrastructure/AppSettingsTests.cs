using System.Text.Json;
using ExecutionHub.Web.Infrastructure;
using ExecutionHub.Web.Startup;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace ExecutionHub.Tests.Infrastructure;

public sealed class AppSettingsTests
{
    private static readonly string RepositoryFile = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../appsettings.json"));

    [Fact]
    public void The_app_reads_the_repository_root_appsettings_copied_beside_its_binaries()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath() });

        builder.Configuration.UseRepositoryAppSettings();

        using var root = JsonDocument.Parse(File.ReadAllText(RepositoryFile));
        var expected = root.RootElement.GetProperty("ConnectionStrings").GetProperty("ExecutionHub").GetString();
        Assert.Equal(expected, builder.Configuration.GetConnectionString("ExecutionHub"));
        Assert.Equal(File.ReadAllText(RepositoryFile), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));
    }

    [Fact]
    public void The_shipped_configuration_seeds_demo_data_and_requires_long_passwords()
    {
        using var root = JsonDocument.Parse(File.ReadAllText(RepositoryFile));

        Assert.True(root.RootElement.GetProperty("Demo").GetProperty("Seed").GetBoolean());
        Assert.True(root.RootElement.GetProperty("Identity").GetProperty("RequiredPasswordLength").GetInt32() >= 12);
    }
}
