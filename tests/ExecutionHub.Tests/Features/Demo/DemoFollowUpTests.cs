using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExecutionHub.Tests.Features.Demo;

/// <summary>
/// The demo's warnings, agenda and reports are written after the app has answered its first request; doing that again — a
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
    public async Task Should_complete_the_demo_only_once_the_app_has_started_and_answered_its_first_request()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var complete = await CountsAsync(app);
        await DeleteReportsAsync(app);
        var lifetime = new Lifetime();
        var firstAnswer = new FirstAnswer(lifetime, app.Clock);
        using var followUp = new DemoFollowUp(app.Services, firstAnswer, NullLogger<DemoFollowUp>.Instance);
        followUp.DemoSeeded();

        await followUp.StartAsync(CancellationToken.None);
        lifetime.Start();
        Assert.False(followUp.Completed.IsCompleted);
        Assert.Equal(0, (await CountsAsync(app)).Reports);

        firstAnswer.Answered();
        await followUp.Completed.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(complete, await CountsAsync(app));
        await followUp.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Should_complete_the_demo_when_nobody_asks_for_a_page_once_its_patience_has_passed()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var complete = await CountsAsync(app);
        await DeleteReportsAsync(app);
        var lifetime = new Lifetime();
        using var followUp = new DemoFollowUp(app.Services, new FirstAnswer(lifetime, app.Clock), NullLogger<DemoFollowUp>.Instance);
        followUp.DemoSeeded();

        await followUp.StartAsync(CancellationToken.None);
        lifetime.Start();
        // The wait's timer is set on another thread just after the start; move the clock until it has fired.
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!followUp.Completed.IsCompleted)
        {
            app.Clock.Advance(FirstAnswer.Patience);
            await Task.WhenAny(followUp.Completed, Task.Delay(TimeSpan.FromMilliseconds(20), giveUp.Token));
        }

        await followUp.Completed;
        Assert.Equal(complete, await CountsAsync(app));
        await followUp.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Should_count_as_complete_at_once_when_the_start_seeded_no_demo()
    {
        await using var app = await TestApp.CreateAsync();
        using var followUp = new DemoFollowUp(app.Services, new FirstAnswer(new Lifetime(), app.Clock), NullLogger<DemoFollowUp>.Instance);

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
