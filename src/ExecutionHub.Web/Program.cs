using ExecutionHub.Web.Startup;

// `--create-admin <user name>` and `--remove-demo` are one-time steps, not host settings.
var (step, hostArgs) = CommandLineStep.Parse(args);
var timing = StartupTiming.Start();
var builder = WebApplication.CreateBuilder(hostArgs);
builder.Configuration.UseRepositoryAppSettings();
// `dotnet run` outside Development must still find _framework and package assets from the build (no-op when published).
builder.WebHost.UseStaticWebAssets();
builder.Services.AddExecutionHubApplication(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddExecutionHubWeb(builder.Configuration, builder.Environment.ContentRootPath);

// Disposed on every way out, so the console logger writes out what it queued (a refusal's reasons) before the process exits.
await using var app = builder.Build();
timing.HostBuilt(app);
if (step is not null)
{
    return await step.RunAsync(app);
}

// False: demo accounts with the published password on a network address; the log says how to remove them.
if (!await app.InitialiseDatabaseAsync())
{
    return 1;
}

timing.BeforeRun(app);
app.UseExecutionHubWeb();
app.MapExecutionHubEndpoints();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the end-to-end tests' host.</summary>
public partial class Program;
