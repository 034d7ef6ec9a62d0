using ExecutionHub.Tests.Features.Api;
using ExecutionHub.Web.Startup;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExecutionHub.Tests.Startup;

/// <summary>The app sets its circuits deliberately: a phone's dropped connection is waited for, and the waiting is bounded.</summary>
public sealed class CircuitOptionsTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public void The_running_app_keeps_a_dropped_circuit_five_minutes_at_most_a_hundred_and_sends_no_detailed_errors()
    {
        var options = host.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(5), options.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(100, options.DisconnectedCircuitMaxRetained);
        Assert.False(options.DetailedErrors);
    }

    [Fact]
    public void The_settings_follow_the_circuits_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Circuits:DisconnectedRetentionSeconds"] = "60",
            ["Circuits:DisconnectedMaxRetained"] = "20",
            ["Circuits:MaxBufferedRenderBatches"] = "4",
            ["Circuits:JsInteropTimeoutSeconds"] = "30",
        }).Build();
        var options = new CircuitOptions { DetailedErrors = true };

        WebServices.ConfigureCircuits(options, configuration.GetSection("Circuits"));

        Assert.Equal(TimeSpan.FromSeconds(60), options.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(20, options.DisconnectedCircuitMaxRetained);
        Assert.Equal(4, options.MaxBufferedUnacknowledgedRenderBatches);
        Assert.Equal(TimeSpan.FromSeconds(30), options.JSInteropDefaultCallTimeout);
        Assert.False(options.DetailedErrors);
    }
}
