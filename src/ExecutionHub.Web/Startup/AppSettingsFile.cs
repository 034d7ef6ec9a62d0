using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace ExecutionHub.Web.Startup;

public static class AppSettingsFile
{
    /// <summary>
    /// Reads the repository-root appsettings.json, which the build copies next to the binaries
    /// (see the csproj link), in place of the content root's: one file serves `dotnet run` and a
    /// published app alike. Environment variables and the command line still override it.
    /// </summary>
    public static void UseRepositoryAppSettings(this ConfigurationManager configuration)
    {
        IConfigurationBuilder builder = configuration;
        var index = builder.Sources.ToList().FindIndex(s => s is JsonConfigurationSource { Path: "appsettings.json" });
        var source = new JsonConfigurationSource
        {
            Path = "appsettings.json",
            Optional = false,
            ReloadOnChange = false,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        };
        if (index < 0)
        {
            builder.Sources.Insert(0, source);
        }
        else
        {
            builder.Sources[index] = source;
        }

    }
}
