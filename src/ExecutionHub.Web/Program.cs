using ExecutionHub.Web.Startup;


var builder = WebApplication.CreateBuilder(args);
builder.Configuration.UseRepositoryAppSettings();
// `dotnet run` outside Development must still find _framework and package assets from the build (no-op when published).
builder.WebHost.UseStaticWebAssets();
builder.Services.AddExecutionHubApplication(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddExecutionHubWeb(builder.Configuration, builder.Environment.ContentRootPath);

var app = builder.Build();
await app.InitialiseDatabaseAsync();
app.UseExecutionHubWeb();
app.MapExecutionHubEndpoints();
app.Run();

/// <summary>Entry point, visible to the end-to-end tests' host.</summary>
public partial class Program;
