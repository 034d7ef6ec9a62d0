using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExecutionHub.Tests.Features.Demo;

/// <summary>
/// The demo's warnings, agenda and reports are written after the app answers; doing that again — a
/// later start, or a start killed half-way through — adds nothing twice and rings nobody's bell.
/// </summary>
public sealed class DemoFollowUpTests
{
    [Fact]
    public async Task Should_add_nothing_when_the_follow_up_runs_again_on_a_complete_demo()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var before = await CountsAsync(app);
        Assert.True(before.Warnings > 0 && before.AgendaWarnings > 0 && before.Reports > 0, "the seeded demo has warnings on the agenda and reports");

        await DemoFollowUp.RunAsync(app.Services, CancellationToken.None);

        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task Should_finish_a_follow_up_cut_short_before_its_reports_without_doubling_the_warnings_or_ringing_a_bell()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var complete = await CountsAsync(app);
        await DeleteReportsAsync(app);

        await DemoFollowUp.RunAsync(app.Services, CancellationToken.None);

        Assert.Equal(complete, await CountsAsync(app));
    }

    [Fact]
    public async Task Should_complete_the_demo_only_once_the_app_has_started()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var complete = await CountsAsync(app);
        await DeleteReportsAsync(app);
        var lifetime = new Lifetime();
        var demoOn = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:Seed"] = "true" }).Build();
        using var followUp = new DemoFollowUp(app.Services, lifetime, demoOn, NullLogger<DemoFollowUp>.Instance);

        await followUp.StartAsync(CancellationToken.None);
        Assert.False(followUp.Completed.IsCompleted);
        Assert.Equal(0, (await CountsAsync(app)).Reports);

        lifetime.Start();
        await followUp.Completed.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(complete, await CountsAsync(app));
        await followUp.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Should_count_as_complete_at_once_without_demo_data()
    {
        await using var app = await TestApp.CreateAsync();
        var demoOff = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:Seed"] = "false" }).Build();
        using var followUp = new DemoFollowUp(app.Services, new Lifetime(), demoOff, NullLogger<DemoFollowUp>.Instance);

        await followUp.StartAsync(CancellationToken.None);

        await followUp.Completed.WaitAsync(TimeSpan.FromMinutes(1));
        await followUp.StopAsync(CancellationToken.None);
    }

    private static async Task DeleteReportsAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        await db.Reports.ExecuteDeleteAsync();
    }

    private static async Task<(int Warnings, int AgendaWarnings, int Reports, int Notifications)> CountsAsync(TestApp app)
    {
        await using var db = await app.DbAsync();
        return (await db.RiskWarnings.CountAsync(), await db.Set<AgendaItem>().CountAsync(a => a.Source == AgendaSource.RiskWarning),
            await db.Reports.CountAsync(), await db.Notifications.CountAsync());
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource started = new();

        public CancellationToken ApplicationStarted => started.Token;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void Start() => started.Cancel();

        public void StopApplication()
        {
        }
    }
}
